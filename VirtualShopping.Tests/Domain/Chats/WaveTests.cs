using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;
using static VirtualShopping.Tests.Domain.Chats.ChatTestData;

namespace VirtualShopping.Tests.Domain.Chats;

/// <summary>
/// Waves of offers: <see cref="RoutingPolicy.NextWaveAt"/> (when) and <see cref="RoutingPolicy.ChooseWave"/> (who).
/// The defaults send 5 waves, at 0, 15, 30, 45 and 60 seconds.
/// </summary>
public sealed class WaveTests
{
    private static readonly StoreAppSettings Defaults = new();

    [Fact]
    public void The_first_wave_is_due_the_moment_the_chat_starts()
    {
        var time = Clock();

        var chat = Chat.Start(Guid.NewGuid(), Guid.NewGuid(), "en", time.GetUtcNow(), Defaults);

        Assert.Equal(0, chat.WavesSent);
        Assert.Equal(Start, chat.NextWaveAt);
        Assert.Equal(Start, RoutingPolicy.NextWaveAt(chat.StartedAt, 0, Defaults));
    }

    [Theory]
    [InlineData(1, 15)]
    [InlineData(2, 30)]
    [InlineData(3, 45)]
    [InlineData(4, 60)]
    public void Each_later_wave_is_due_fifteen_seconds_after_the_one_before(int wavesSent, int secondsAfterStart) =>
        Assert.Equal(Start.AddSeconds(secondsAfterStart), RoutingPolicy.NextWaveAt(Start, wavesSent, Defaults));

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void No_wave_is_due_once_all_five_have_gone_out(int wavesSent) =>
        Assert.Null(RoutingPolicy.NextWaveAt(Start, wavesSent, Defaults));

    [Fact]
    public void Three_waves_ten_seconds_apart_are_due_at_0_10_and_20_seconds_and_then_no_more()
    {
        var settings = new StoreAppSettings { NumberOfWaves = 3, WaveIntervalSeconds = 10 };

        Assert.Equal(Start, RoutingPolicy.NextWaveAt(Start, 0, settings));
        Assert.Equal(Start.AddSeconds(10), RoutingPolicy.NextWaveAt(Start, 1, settings));
        Assert.Equal(Start.AddSeconds(20), RoutingPolicy.NextWaveAt(Start, 2, settings));
        Assert.Null(RoutingPolicy.NextWaveAt(Start, 3, settings));
    }

    [Fact]
    public void Wave_times_count_from_the_start_of_the_chat_not_from_when_a_late_wave_went_out()
    {
        // The wave due at 15 s only went out at 22 s; the next one is still due at 30 s.
        Assert.Equal(Start.AddSeconds(30), RoutingPolicy.NextWaveAt(Start, 2, Defaults));
    }

    [Fact]
    public void Ten_eligible_experts_and_five_waves_put_the_two_best_scores_in_the_first_wave()
    {
        var experts = Experts(10);

        var wave = RoutingPolicy.ChooseWave("en", experts, Defaults, 0);

        Assert.Equal([experts[0].StaffMemberId, experts[1].StaffMemberId], wave);
    }

    [Theory]
    [InlineData(10, new[] { 2, 2, 2, 2, 2 })]
    [InlineData(7, new[] { 2, 2, 1, 1, 1 })]
    [InlineData(12, new[] { 3, 3, 2, 2, 2 })]
    [InlineData(3, new[] { 1, 1, 1, 0, 0 })]
    [InlineData(1, new[] { 1, 0, 0, 0, 0 })]
    public void A_chat_waiting_through_every_wave_spreads_the_experts_over_the_waves_and_reaches_all_of_them(int expertCount, int[] waveSizes)
    {
        var time = Clock();
        var experts = Experts(expertCount);
        var chat = Chat.Start(Guid.NewGuid(), Guid.NewGuid(), "en", time.GetUtcNow(), Defaults);
        var sizes = new List<int>();
        var sentAt = new List<DateTimeOffset>();
        var offered = new List<Guid>();

        for (var second = 0; second <= 90; second++)
        {
            if (chat.NextWaveAt is { } due && time.GetUtcNow() >= due)
            {
                var wave = RoutingPolicy.ChooseWave(chat.Language, experts, Defaults, chat.WavesSent);
                experts = experts.Select(e => wave.Contains(e.StaffMemberId) ? e with { AlreadyOffered = true } : e).ToList();
                offered.AddRange(wave);
                sizes.Add(wave.Count);
                sentAt.Add(time.GetUtcNow());
                chat.WavesSent++;
                chat.NextWaveAt = RoutingPolicy.NextWaveAt(chat.StartedAt, chat.WavesSent, Defaults);
            }

            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(waveSizes, sizes);
        Assert.Equal([Start, Start.AddSeconds(15), Start.AddSeconds(30), Start.AddSeconds(45), Start.AddSeconds(60)], sentAt);
        Assert.Null(chat.NextWaveAt);
        Assert.Equal(experts.Select(e => e.StaffMemberId).Order(), offered.Order());
        Assert.Equal(expertCount, offered.Distinct().Count());
    }

    [Fact]
    public void The_last_wave_takes_everyone_still_eligible()
    {
        var experts = Experts(6);

        var wave = RoutingPolicy.ChooseWave("en", experts, Defaults, 4);

        Assert.Equal(experts.Select(e => e.StaffMemberId), wave);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(100)]
    public void There_is_no_wave_after_the_last_one(int waveIndex) =>
        Assert.Empty(RoutingPolicy.ChooseWave("en", Experts(10), Defaults, waveIndex));

    [Fact]
    public void A_wave_with_nobody_eligible_is_empty()
    {
        List<ExpertCandidate> experts = [Expert() with { IsAvailable = false }, Expert() with { StoreOpen = false }];

        Assert.Empty(RoutingPolicy.ChooseWave("en", experts, Defaults, 0));
        Assert.Empty(RoutingPolicy.ChooseWave("en", [], Defaults, 4));
    }

    [Fact]
    public void Ineligible_experts_are_skipped_however_high_their_score()
    {
        var unavailable = Expert(0.99) with { IsAvailable = false };
        var disconnected = Expert(0.98) with { IsConnected = false };
        var busy = Expert(0.97) with { ActiveChats = 3 };
        var otherDepartment = Expert(0.96) with { ServesDepartment = false };
        var closed = Expert(0.95) with { StoreOpen = false };
        var offeredBefore = Expert(0.94) with { AlreadyOffered = true };
        var eligible = Expert(0.1);

        var wave = RoutingPolicy.ChooseWave("en", [unavailable, disconnected, busy, otherDepartment, closed, offeredBefore, eligible], Defaults, 4);

        Assert.Equal([eligible.StaffMemberId], wave);
    }

    [Fact]
    public void Ineligible_experts_do_not_count_when_sizing_a_wave()
    {
        // Five eligible experts over five waves: one per wave, however many ineligible ones there are.
        var experts = Experts(5).Concat(Enumerable.Range(0, 20).Select(_ => Expert(0.99) with { IsConnected = false })).ToList();

        var wave = RoutingPolicy.ChooseWave("en", experts, Defaults, 0);

        Assert.Equal([experts[0].StaffMemberId], wave);
    }

    [Fact]
    public void Experts_speaking_the_shoppers_language_come_first_then_the_best_scores()
    {
        var finnishStar = Expert(0.95, "fi");
        var swedishStar = Expert(0.9, "sv");
        var englishWeak = Expert(0.2, "en");
        var englishStrong = Expert(0.6, "en", "fi");
        List<ExpertCandidate> experts = [finnishStar, swedishStar, englishWeak, englishStrong];

        // Four experts over the last two waves: two in this one.
        var wave = RoutingPolicy.ChooseWave("en", experts, Defaults, 3);

        Assert.Equal([englishStrong.StaffMemberId, englishWeak.StaffMemberId], wave);
    }

    [Fact]
    public void Experts_without_the_shoppers_language_still_get_the_chat_in_a_later_wave_by_score()
    {
        var finnishStar = Expert(0.95, "fi");
        var swedishStar = Expert(0.9, "sv");
        var englishWeak = Expert(0.2, "en") with { AlreadyOffered = true };
        var englishStrong = Expert(0.6, "en") with { AlreadyOffered = true };

        var wave = RoutingPolicy.ChooseWave("en", [swedishStar, englishWeak, finnishStar, englishStrong], Defaults, 4);

        Assert.Equal([finnishStar.StaffMemberId, swedishStar.StaffMemberId], wave);
    }

    [Fact]
    public void Language_matching_ignores_case()
    {
        var finnishStar = Expert(0.95, "fi");
        var english = Expert(0.2, "EN");

        var wave = RoutingPolicy.ChooseWave("en", [finnishStar, english], Defaults, 0);

        Assert.Equal([english.StaffMemberId], wave);
    }

    [Fact]
    public void With_language_routing_off_only_the_score_orders_the_experts()
    {
        var settings = new StoreAppSettings { LanguageRoutingEnabled = false };
        var finnishStar = Expert(0.95, "fi");
        var swedishStar = Expert(0.9, "sv");
        var englishWeak = Expert(0.2, "en");
        var englishStrong = Expert(0.6, "en");

        var wave = RoutingPolicy.ChooseWave("en", [englishWeak, englishStrong, swedishStar, finnishStar], settings, 3);

        Assert.Equal([finnishStar.StaffMemberId, swedishStar.StaffMemberId], wave);
    }

    [Fact]
    public void With_language_routing_on_a_lower_scoring_speaker_of_the_language_beats_a_higher_scoring_colleague()
    {
        var finnishStar = Expert(0.95, "fi");
        var english = Expert(0.2, "en");
        List<ExpertCandidate> experts = [finnishStar, english];

        Assert.Equal([english.StaffMemberId], RoutingPolicy.ChooseWave("en", experts, new StoreAppSettings { LanguageRoutingEnabled = true }, 0));
        Assert.Equal([finnishStar.StaffMemberId], RoutingPolicy.ChooseWave("en", experts, new StoreAppSettings { LanguageRoutingEnabled = false }, 0));
    }

    [Fact]
    public void Three_waves_share_nine_experts_three_by_three()
    {
        var settings = new StoreAppSettings { NumberOfWaves = 3, WaveIntervalSeconds = 10 };
        var experts = Experts(9);

        var first = RoutingPolicy.ChooseWave("en", experts, settings, 0);
        var afterFirst = experts.Select(e => first.Contains(e.StaffMemberId) ? e with { AlreadyOffered = true } : e).ToList();
        var second = RoutingPolicy.ChooseWave("en", afterFirst, settings, 1);

        Assert.Equal(experts.Take(3).Select(e => e.StaffMemberId), first);
        Assert.Equal(experts.Skip(3).Take(3).Select(e => e.StaffMemberId), second);
        Assert.Equal(6, RoutingPolicy.ChooseWave("en", afterFirst, settings, 2).Count);
        Assert.Empty(RoutingPolicy.ChooseWave("en", experts, settings, 3));
    }

    [Fact]
    public void A_single_wave_offers_the_chat_to_every_eligible_expert_at_once()
    {
        var settings = new StoreAppSettings { NumberOfWaves = 1 };
        var experts = Experts(8);

        Assert.Equal(8, RoutingPolicy.ChooseWave("en", experts, settings, 0).Count);
        Assert.Empty(RoutingPolicy.ChooseWave("en", experts, settings, 1));
        Assert.Null(RoutingPolicy.NextWaveAt(Start, 1, settings));
    }

    [Fact]
    public void The_chat_limit_setting_decides_who_is_busy_when_choosing_a_wave()
    {
        var twoChats = Expert(0.9) with { ActiveChats = 2 };
        var idle = Expert(0.1);
        List<ExpertCandidate> experts = [twoChats, idle];

        Assert.Equal([twoChats.StaffMemberId, idle.StaffMemberId], RoutingPolicy.ChooseWave("en", experts, Defaults, 4));
        Assert.Equal([idle.StaffMemberId], RoutingPolicy.ChooseWave("en", experts, new StoreAppSettings { MaxSimultaneousChats = 2 }, 4));
    }
}
