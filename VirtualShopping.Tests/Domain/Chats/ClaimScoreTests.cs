using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Tests.Domain.Chats;

/// <summary>
/// <see cref="ClaimScore.Of"/>: how reliably and how fast an expert claims offers, from 0 to 1:
/// the claim rate (with one claim and one miss assumed) times a speed factor that halves at 10 s.
/// </summary>
public sealed class ClaimScoreTests
{
    private const double Precision = 1e-9;

    [Fact]
    public void An_expert_without_history_starts_at_half_the_rate_and_half_the_speed() =>
        Assert.Equal(0.25, ClaimScore.Of(0, 0, 0), Precision);

    [Theory]
    [InlineData(0, 0, 0L)]
    [InlineData(1, 1, 0L)]
    [InlineData(1, 1, 1L)]
    [InlineData(100, 100, 0L)]
    [InlineData(100, 100, 100_000L)]
    [InlineData(100, 0, 0L)]
    [InlineData(1000, 1, 600_000L)]
    [InlineData(5, 5, 3_600_000L)]
    [InlineData(3, 1, -5_000L)]
    [InlineData(int.MaxValue, int.MaxValue, long.MaxValue)]
    public void The_score_stays_between_zero_and_one(int received, int claimed, long claimMilliseconds)
    {
        var score = ClaimScore.Of(received, claimed, claimMilliseconds);

        Assert.InRange(score, 0, 1);
    }

    [Fact]
    public void Claiming_more_of_the_offers_raises_the_score()
    {
        // Ten offers, each claim taking 10 seconds.
        var none = ClaimScore.Of(10, 0, 0);
        var two = ClaimScore.Of(10, 2, 20_000);
        var five = ClaimScore.Of(10, 5, 50_000);
        var eight = ClaimScore.Of(10, 8, 80_000);

        Assert.True(none < two, $"{none} < {two}");
        Assert.True(two < five, $"{two} < {five}");
        Assert.True(five < eight, $"{five} < {eight}");
        Assert.Equal(9.0 / 12 * 0.5, eight, Precision);
    }

    [Fact]
    public void A_first_claim_raises_a_new_experts_score()
    {
        var newcomer = ClaimScore.Of(0, 0, 0);
        var afterFirstClaim = ClaimScore.Of(1, 1, 10_000);

        Assert.True(afterFirstClaim > newcomer, $"{afterFirstClaim} > {newcomer}");
        Assert.Equal(2.0 / 3 * 0.5, afterFirstClaim, Precision);
    }

    [Fact]
    public void Claiming_faster_raises_the_score()
    {
        // Two claims out of four offers.
        var slow = ClaimScore.Of(4, 2, 2 * 20_000);
        var average = ClaimScore.Of(4, 2, 2 * 10_000);
        var fast = ClaimScore.Of(4, 2, 2 * 5_000);

        Assert.True(slow < average, $"{slow} < {average}");
        Assert.True(average < fast, $"{average} < {fast}");
        Assert.Equal(0.5 * 0.5, average, Precision);
        Assert.Equal(0.5 / 3, slow, Precision);
    }

    [Fact]
    public void A_near_perfect_expert_outscores_a_merely_good_one()
    {
        // 3 of 4 claimed at 2 s each against 100 of 100 at 1 s each: no ceiling makes them equal.
        var good = ClaimScore.Of(4, 3, 3 * 2_000);
        var nearPerfect = ClaimScore.Of(100, 100, 100 * 1_000);

        Assert.True(good < nearPerfect, $"{good} < {nearPerfect}");
    }

    [Fact]
    public void Many_missed_offers_lower_the_score()
    {
        var newcomer = ClaimScore.Of(0, 0, 0);
        var threeMissed = ClaimScore.Of(3, 0, 0);
        var twentyMissed = ClaimScore.Of(20, 0, 0);

        Assert.True(threeMissed < newcomer, $"{threeMissed} < {newcomer}");
        Assert.True(twentyMissed < threeMissed, $"{twentyMissed} < {threeMissed}");
        Assert.True(twentyMissed < 0.05, $"{twentyMissed} < 0.05");
    }

    [Fact]
    public void Missed_offers_pull_down_an_expert_who_claims_the_others()
    {
        var reliable = ClaimScore.Of(4, 2, 20_000);
        var sameClaimsMoreMissed = ClaimScore.Of(12, 2, 20_000);

        Assert.True(sameClaimsMoreMissed < reliable, $"{sameClaimsMoreMissed} < {reliable}");
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    public void Negative_counts_are_refused(int received, int claimed) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ClaimScore.Of(received, claimed, 0));
}
