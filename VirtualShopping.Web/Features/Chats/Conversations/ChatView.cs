using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>A chat as both sides see it: status, how long the shopper waited, who answers, the rating.</summary>
public sealed record ChatView(
    Guid Id,
    ChatStatus Status,
    Guid DepartmentId,
    string Language,
    string? ShopperName,
    DateTimeOffset StartedAt,
    int WaitedSeconds,
    DateTimeOffset ClaimDeadline,
    string? ExpertName,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? EndedAt,
    ChatEndReason? EndReason,
    int? Rating,
    bool CanLeaveMessage)
{
    public static ChatView Of(Chat chat, DateTimeOffset now) => new(
        chat.Id,
        chat.Status,
        chat.DepartmentId,
        chat.Language,
        chat.ShopperName,
        chat.StartedAt,
        (int)chat.WaitedAt(now).TotalSeconds,
        chat.ClaimDeadline,
        chat.ExpertName,
        chat.ClaimedAt,
        chat.EndedAt,
        chat.EndReason,
        chat.Rating,
        chat.Status == ChatStatus.Missed);
}
