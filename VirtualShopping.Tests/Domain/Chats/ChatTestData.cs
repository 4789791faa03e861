using Microsoft.Extensions.Time.Testing;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Tests.Domain.Chats;

/// <summary>Shared starting points for the chat routing tests: one clock, eligible experts and chats in each state.</summary>
internal static class ChatTestData
{
    /// <summary>Monday 23 November 2026, 11:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 11, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Start);

    /// <summary>An expert who passes every rule: available, connected, no chats, serves the department, store open.</summary>
    public static ExpertCandidate Expert(double score = 0.5, params string[] languages) =>
        new(Guid.NewGuid(), IsAvailable: true, IsConnected: true, ActiveChats: 0, ServesDepartment: true, StoreOpen: true,
            Languages: languages.Length == 0 ? ["en"] : languages, Score: score);

    /// <summary><paramref name="count"/> eligible experts with distinct scores, the first one scoring highest.</summary>
    public static List<ExpertCandidate> Experts(int count) =>
        Enumerable.Range(0, count).Select(i => Expert(0.9 - (i * 0.05))).ToList();

    /// <summary>A chat started at <paramref name="now"/>, still waiting for an expert.</summary>
    public static Chat WaitingChat(DateTimeOffset now, StoreAppSettings? settings = null) =>
        Chat.Start(Guid.NewGuid(), Guid.NewGuid(), "en", now, settings ?? new StoreAppSettings());

    /// <summary>A chat an expert claimed at <paramref name="claimedAt"/>.</summary>
    public static Chat ActiveChat(DateTimeOffset claimedAt)
    {
        var chat = WaitingChat(claimedAt.AddSeconds(-20));
        chat.Status = ChatStatus.Active;
        chat.ExpertId = Guid.NewGuid();
        chat.ExpertName = "Aino";
        chat.ClaimedAt = claimedAt;
        chat.LastActivityAt = claimedAt;
        chat.NextWaveAt = null;
        return chat;
    }

    /// <summary>A pending offer of <paramref name="chat"/> made at <paramref name="offeredAt"/>, with its countdown worked out by the policy.</summary>
    public static ChatOffer Offer(Chat chat, DateTimeOffset offeredAt, StoreAppSettings settings) => new()
    {
        ChatId = chat.Id,
        StaffMemberId = Guid.NewGuid(),
        OfferedAt = offeredAt,
        ExpiresAt = RoutingPolicy.OfferExpiresAt(offeredAt, chat.ClaimDeadline, settings),
    };
}
