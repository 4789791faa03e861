using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;
using static VirtualShopping.Tests.Domain.Chats.ChatTestData;

namespace VirtualShopping.Tests.Domain.Chats;

/// <summary>
/// Handing a chat on: moving it to another department starts routing afresh (<see cref="Chat.MoveTo"/>), and a
/// transfer offer may be accepted only while the chat is still the holder's to give and the teammate has room
/// (<see cref="TransferPolicy"/>).
/// </summary>
public sealed class HandoverTests
{
    private static readonly StoreAppSettings Defaults = new();

    [Fact]
    public void A_moved_chat_waits_again_for_the_new_departments_first_wave_with_a_new_claim_period()
    {
        var chat = ActiveChat(Start);
        chat.WavesSent = 3;
        chat.ExpertStoreName = "Kamppi";
        chat.StoreId = Guid.NewGuid();
        chat.IdleWarningSentAt = Start.AddMinutes(5);
        var hats = Guid.NewGuid();
        var now = Start.AddMinutes(7);

        chat.MoveTo(hats, now, new StoreAppSettings { ClaimPeriodSeconds = 120 });

        Assert.Equal(ChatStatus.Waiting, chat.Status);
        Assert.Equal(hats, chat.DepartmentId);
        Assert.Null(chat.ExpertId);
        Assert.Null(chat.ExpertName);
        Assert.Null(chat.ExpertStoreName);
        Assert.Null(chat.ClaimedAt);
        Assert.Null(chat.IdleWarningSentAt);
        Assert.Equal(0, chat.WavesSent);
        Assert.Equal(now, chat.QueuedAt);
        Assert.Equal(now, chat.NextWaveAt);
        Assert.Equal(now.AddSeconds(120), chat.ClaimDeadline);
        Assert.Equal(now, chat.LastActivityAt);
    }

    [Fact]
    public void A_moved_chat_keeps_its_start_and_the_store_it_was_held_from()
    {
        var chat = ActiveChat(Start);
        var store = Guid.NewGuid();
        chat.StoreId = store;
        var started = chat.StartedAt;

        chat.MoveTo(Guid.NewGuid(), Start.AddMinutes(1), Defaults);

        Assert.Equal(started, chat.StartedAt);
        Assert.Equal(store, chat.StoreId);
    }

    [Fact]
    public void A_transfer_offer_counts_down_like_any_offer()
    {
        Assert.Equal(Start.AddSeconds(15), TransferPolicy.ExpiresAt(Start, Defaults));
        Assert.Equal(Start.AddSeconds(30), TransferPolicy.ExpiresAt(Start, new StoreAppSettings { OfferCountdownSeconds = 30 }));
    }

    [Fact]
    public void The_asked_teammate_may_accept_within_the_countdown_and_their_chat_limit()
    {
        var (chat, offer) = Transfer();

        Assert.Equal(ClaimRefusal.None, TransferPolicy.CanAccept(chat, offer, 2, Defaults, Start.AddSeconds(14)));
        Assert.Equal(ClaimRefusal.AtChatLimit, TransferPolicy.CanAccept(chat, offer, 3, Defaults, Start.AddSeconds(14)));
        Assert.Equal(ClaimRefusal.Expired, TransferPolicy.CanAccept(chat, offer, 0, Defaults, Start.AddSeconds(15)));
    }

    [Theory]
    [InlineData(OfferStatus.Claimed, ClaimRefusal.AlreadyAnswered)]
    [InlineData(OfferStatus.Declined, ClaimRefusal.AlreadyAnswered)]
    [InlineData(OfferStatus.Expired, ClaimRefusal.Expired)]
    [InlineData(OfferStatus.Withdrawn, ClaimRefusal.TakenByColleague)]
    public void An_answered_or_withdrawn_transfer_cannot_be_accepted(OfferStatus status, ClaimRefusal refusal)
    {
        var (chat, offer) = Transfer();
        offer.Status = status;

        Assert.Equal(refusal, TransferPolicy.CanAccept(chat, offer, 0, Defaults, Start.AddSeconds(1)));
    }

    [Theory]
    [InlineData(ChatStatus.Ended)]
    [InlineData(ChatStatus.Waiting)]
    [InlineData(ChatStatus.Missed)]
    public void A_chat_no_longer_in_progress_cannot_be_taken_over(ChatStatus status)
    {
        var (chat, offer) = Transfer();
        chat.Status = status;

        Assert.Equal(ClaimRefusal.ChatOver, TransferPolicy.CanAccept(chat, offer, 0, Defaults, Start.AddSeconds(1)));
    }

    [Fact]
    public void A_teammate_already_holding_the_chat_has_nothing_to_accept()
    {
        var (chat, offer) = Transfer();
        chat.ExpertId = offer.StaffMemberId;

        Assert.Equal(ClaimRefusal.TakenByColleague, TransferPolicy.CanAccept(chat, offer, 1, Defaults, Start.AddSeconds(1)));
    }

    [Fact]
    public void Both_sides_read_who_took_over_and_where_the_chat_moved()
    {
        Assert.Equal("Bea took over the chat from Aino.", TransferPolicy.TookOverLine("Bea", "Aino"));
        Assert.Equal("Bea took over the chat.", TransferPolicy.TookOverLine("Bea", null));
        Assert.Equal("Moved to Hats.", TransferPolicy.MovedLine("Hats"));
    }

    private static (Chat Chat, ChatOffer Offer) Transfer()
    {
        var chat = ActiveChat(Start.AddMinutes(-1));
        var offer = new ChatOffer
        {
            ChatId = chat.Id,
            StaffMemberId = Guid.NewGuid(),
            Kind = OfferKind.Transfer,
            RequestedById = chat.ExpertId,
            RequestedByName = chat.ExpertName,
            OfferedAt = Start,
            ExpiresAt = TransferPolicy.ExpiresAt(Start, Defaults),
        };
        return (chat, offer);
    }
}
