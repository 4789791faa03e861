using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>A chat as both sides see it: status, how long the shopper waited, who answers (and from which store), how far each side has read, the rating.</summary>
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
    bool CanLeaveMessage,
    string? ExpertStoreName = null,
    int ShopperReadSequence = 0,
    int ExpertReadSequence = 0)
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
        chat.Status == ChatStatus.Missed,
        chat.ExpertStoreName,
        chat.ShopperReadSequence,
        chat.ExpertReadSequence);
}
