using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;
using static VirtualShopping.Tests.Domain.Chats.ChatTestData;

namespace VirtualShopping.Tests.Domain.Chats;

/// <summary>
/// Offers and claims: the countdown (<see cref="RoutingPolicy.OfferExpiresAt"/>), whether a claim may go ahead
/// (<see cref="RoutingPolicy.CanClaim"/>) and when declines or missed offers make an expert unavailable.
/// The defaults: a 15 s countdown, a 90 s claim period, 3 chats at once.
/// </summary>
public sealed class ClaimTests
{
    private static readonly StoreAppSettings Defaults = new();

    [Fact]
    public void A_new_chat_can_be_claimed_for_ninety_seconds()
    {
        var chat = WaitingChat(Start);

        Assert.Equal(ChatStatus.Waiting, chat.Status);
        Assert.Equal(Start.AddSeconds(90), chat.ClaimDeadline);
    }

    [Fact]
    public void The_claim_period_follows_the_merchants_setting()
    {
        var chat = WaitingChat(Start, new StoreAppSettings { ClaimPeriodSeconds = 120 });

        Assert.Equal(Start.AddSeconds(120), chat.ClaimDeadline);
    }

    [Theory]
    [InlineData(0, 15)]
    [InlineData(15, 30)]
    [InlineData(60, 75)]
    [InlineData(74, 89)]
    public void An_offer_runs_out_fifteen_seconds_after_it_is_made(int offeredAfter, int expiresAfter)
    {
        var chat = WaitingChat(Start);

        Assert.Equal(Start.AddSeconds(expiresAfter), RoutingPolicy.OfferExpiresAt(Start.AddSeconds(offeredAfter), chat.ClaimDeadline, Defaults));
    }

    [Theory]
    [InlineData(75)]
    [InlineData(80)]
    [InlineData(89)]
    public void An_offer_made_near_the_end_of_the_claim_period_runs_out_with_the_claim_period(int offeredAfter)
    {
        var chat = WaitingChat(Start);

        Assert.Equal(chat.ClaimDeadline, RoutingPolicy.OfferExpiresAt(Start.AddSeconds(offeredAfter), chat.ClaimDeadline, Defaults));
        Assert.Equal(Start.AddSeconds(90), chat.ClaimDeadline);
    }

    [Fact]
    public void The_countdown_follows_the_merchants_setting_and_is_still_capped_by_the_claim_period()
    {
        var settings = new StoreAppSettings { OfferCountdownSeconds = 30, ClaimPeriodSeconds = 70 };
        var chat = WaitingChat(Start, settings);

        Assert.Equal(Start.AddSeconds(30), RoutingPolicy.OfferExpiresAt(Start, chat.ClaimDeadline, settings));
        Assert.Equal(Start.AddSeconds(60), RoutingPolicy.OfferExpiresAt(Start.AddSeconds(30), chat.ClaimDeadline, settings));
        Assert.Equal(Start.AddSeconds(70), RoutingPolicy.OfferExpiresAt(Start.AddSeconds(45), chat.ClaimDeadline, settings));
    }

    [Fact]
    public void A_pending_offer_can_be_claimed_while_its_countdown_runs()
    {
        var time = Clock();
        var chat = WaitingChat(time.GetUtcNow());
        var offer = Offer(chat, time.GetUtcNow(), Defaults);

        Assert.Equal(ClaimRefusal.None, RoutingPolicy.CanClaim(chat, offer, 0, Defaults, time.GetUtcNow()));
        time.Advance(TimeSpan.FromSeconds(14));
        Assert.Equal(ClaimRefusal.None, RoutingPolicy.CanClaim(chat, offer, 2, Defaults, time.GetUtcNow()));
    }

    [Fact]
    public void An_offer_can_no_longer_be_claimed_from_the_instant_its_countdown_ends()
    {
        var time = Clock();
        var chat = WaitingChat(time.GetUtcNow());
        var offer = Offer(chat, time.GetUtcNow(), Defaults);
        Assert.Equal(Start.AddSeconds(15), offer.ExpiresAt);

        time.Advance(TimeSpan.FromSeconds(15) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(ClaimRefusal.None, RoutingPolicy.CanClaim(chat, offer, 0, Defaults, time.GetUtcNow()));

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(ClaimRefusal.Expired, RoutingPolicy.CanClaim(chat, offer, 0, Defaults, time.GetUtcNow()));

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(ClaimRefusal.Expired, RoutingPolicy.CanClaim(chat, offer, 0, Defaults, time.GetUtcNow()));
    }

    [Fact]
    public void An_offer_from_the_last_moments_can_no_longer_be_claimed_once_the_claim_period_is_over()
    {
        var time = Clock();
        var chat = WaitingChat(time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(80));
        var offer = Offer(chat, time.GetUtcNow(), Defaults);

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(ClaimRefusal.None, RoutingPolicy.CanClaim(chat, offer, 0, Defaults, time.GetUtcNow()));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(chat.ClaimDeadline, time.GetUtcNow());
        Assert.Equal(ClaimRefusal.Expired, RoutingPolicy.CanClaim(chat, offer, 0, Defaults, time.GetUtcNow()));
    }

    [Fact]
    public void The_claim_deadline_refuses_a_claim_even_when_the_offer_itself_says_it_runs_longer()
    {
        var time = Clock();
        var chat = WaitingChat(time.GetUtcNow());
        var offer = new ChatOffer { ChatId = chat.Id, StaffMemberId = Guid.NewGuid(), OfferedAt = Start.AddSeconds(80), ExpiresAt = Start.AddSeconds(95) };

        time.Advance(TimeSpan.FromSeconds(90));

        Assert.Equal(ClaimRefusal.Expired, RoutingPolicy.CanClaim(chat, offer, 0, Defaults, time.GetUtcNow()));
    }

    [Theory]
    [InlineData(OfferStatus.Pending)]
    [InlineData(OfferStatus.Withdrawn)]
    public void A_chat_a_colleague_already_claimed_cannot_be_claimed(OfferStatus offerStatus)
    {
        var time = Clock();
        var chat = WaitingChat(time.GetUtcNow());
        var offer = Offer(chat, time.GetUtcNow(), Defaults);
        offer.Status = offerStatus;
        time.Advance(TimeSpan.FromSeconds(3));
        chat.Status = ChatStatus.Active;
        chat.ExpertId = Guid.NewGuid();
        chat.ClaimedAt = time.GetUtcNow();

        Assert.Equal(ClaimRefusal.TakenByColleague, RoutingPolicy.CanClaim(chat, offer, 0, Defaults, time.GetUtcNow()));
    }

    [Theory]
    [InlineData(ChatStatus.Missed, OfferStatus.Pending)]
    [InlineData(ChatStatus.Missed, OfferStatus.Withdrawn)]
    [InlineData(ChatStatus.Ended, OfferStatus.Pending)]
    [InlineData(ChatStatus.Ended, OfferStatus.Withdrawn)]
    public void A_missed_chat_or_one_the_shopper_left_cannot_be_claimed(ChatStatus chatStatus, OfferStatus offerStatus)
    {
        var time = Clock();
        var chat = WaitingChat(time.GetUtcNow());
        var offer = Offer(chat, time.GetUtcNow(), Defaults);
        offer.Status = offerStatus;
        chat.Status = chatStatus;
        chat.EndedAt = time.GetUtcNow().AddSeconds(2);
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(ClaimRefusal.ChatOver, RoutingPolicy.CanClaim(chat, offer, 0, Defaults, time.GetUtcNow()));
    }

    [Fact]
    public void A_declined_offer_cannot_be_claimed_afterwards_even_within_the_countdown()
    {
        var time = Clock();
        var chat = WaitingChat(time.GetUtcNow());
        var offer = Offer(chat, time.GetUtcNow(), Defaults);
        time.Advance(TimeSpan.FromSeconds(2));
        offer.Status = OfferStatus.Declined;
        offer.RespondedAt = time.GetUtcNow();

        time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(ClaimRefusal.AlreadyAnswered, RoutingPolicy.CanClaim(chat, offer, 0, Defaults, time.GetUtcNow()));
    }

    [Fact]
    public void Claiming_again_a_chat_you_already_claimed_says_you_answered_not_that_a_colleague_took_it()
    {
        var time = Clock();
        var chat = WaitingChat(time.GetUtcNow());
        var offer = Offer(chat, time.GetUtcNow(), Defaults);
        time.Advance(TimeSpan.FromSeconds(2));
        offer.Status = OfferStatus.Claimed;
        chat.Status = ChatStatus.Active;
        chat.ExpertId = offer.StaffMemberId;

        Assert.Equal(ClaimRefusal.AlreadyAnswered, RoutingPolicy.CanClaim(chat, offer, 1, Defaults, time.GetUtcNow()));
    }

    [Fact]
    public void An_offer_the_sweep_already_expired_is_refused_as_expired()
    {
        var time = Clock();
        var chat = WaitingChat(time.GetUtcNow());
        var offer = Offer(chat, time.GetUtcNow(), Defaults);
        time.Advance(TimeSpan.FromSeconds(16));
        offer.Status = OfferStatus.Expired;

        Assert.Equal(ClaimRefusal.Expired, RoutingPolicy.CanClaim(chat, offer, 0, Defaults, time.GetUtcNow()));
    }

    [Theory]
    [InlineData(2, ClaimRefusal.None)]
    [InlineData(3, ClaimRefusal.AtChatLimit)]
    [InlineData(4, ClaimRefusal.AtChatLimit)]
    public void An_expert_holding_three_chats_cannot_claim_a_fourth(int activeChats, ClaimRefusal expected)
    {
        var chat = WaitingChat(Start);
        var offer = Offer(chat, Start, Defaults);

        Assert.Equal(expected, RoutingPolicy.CanClaim(chat, offer, activeChats, Defaults, Start.AddSeconds(5)));
    }

    [Fact]
    public void The_claim_limit_follows_the_merchants_setting()
    {
        var settings = new StoreAppSettings { MaxSimultaneousChats = 1 };
        var chat = WaitingChat(Start, settings);
        var offer = Offer(chat, Start, settings);

        Assert.Equal(ClaimRefusal.None, RoutingPolicy.CanClaim(chat, offer, 0, settings, Start.AddSeconds(5)));
        Assert.Equal(ClaimRefusal.AtChatLimit, RoutingPolicy.CanClaim(chat, offer, 1, settings, Start.AddSeconds(5)));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void Three_declines_or_missed_offers_in_a_row_make_an_expert_unavailable(int inARow, bool unavailable) =>
        Assert.Equal(unavailable, RoutingPolicy.GoesUnavailableAfter(inARow));

    [Theory]
    [InlineData(0, 15, true)] // renewed as it ran out: the app was showing it
    [InlineData(0, 4, true)] // renewed within the 11 s renewal interval before it ran out
    [InlineData(0, 0, false)] // last renewed at the offer, then the app stopped: it ran out while down
    [InlineData(16, 20, false)] // a connection opened after it ran out (a restart) never showed it
    public void An_offer_that_ran_out_is_a_miss_only_if_the_experts_app_was_showing_it(int connectedSecond, int lastSeenSecond, bool missed) =>
        Assert.Equal(missed, RoutingPolicy.WasShownUntilExpiry(Start.AddSeconds(connectedSecond), Start.AddSeconds(lastSeenSecond), Start.AddSeconds(15), TimeSpan.FromSeconds(11)));

    [Fact]
    public void A_chat_handed_back_goes_out_as_the_last_wave_and_is_missed_after_one_countdown()
    {
        var (wavesSent, claimDeadline) = RoutingPolicy.HandBack(Start, Defaults);

        Assert.Equal(Defaults.NumberOfWaves - 1, wavesSent);
        Assert.Equal(Start.AddSeconds(15), claimDeadline);
        Assert.Null(RoutingPolicy.NextWaveAt(Start, wavesSent + 1, Defaults)); // no wave after it
    }

    [Fact]
    public void Third_decline_in_a_row_makes_the_expert_unavailable_and_they_get_no_more_offers()
    {
        var expert = Expert();
        var declinesInARow = 0;

        for (var decline = 1; decline <= 3; decline++)
        {
            Assert.True(RoutingPolicy.IsEligible(expert, Defaults));
            declinesInARow++;
            if (RoutingPolicy.GoesUnavailableAfter(declinesInARow))
            {
                expert = expert with { IsAvailable = false };
            }

            Assert.Equal(decline == 3, !expert.IsAvailable);
        }

        Assert.Equal(Ineligibility.Unavailable, RoutingPolicy.WhyNotEligible(expert, Defaults));
        Assert.Empty(RoutingPolicy.ChooseWave("en", [expert], Defaults, 4));
    }
}
