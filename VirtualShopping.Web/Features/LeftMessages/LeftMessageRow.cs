using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.LeftMessages;

/// <summary>
/// A left message in the dashboard list, with its answers. <see cref="Email"/> and <see cref="Phone"/> are null unless
/// the reader answers this message (<see cref="CanAnswer"/>, from <see cref="LeftMessageAccess"/>).
/// </summary>
public sealed record LeftMessageRow(
    Guid Id,
    LeftMessageReason Reason,
    string Name,
    string? Email,
    string? Phone,
    string Text,
    string Language,
    string? Department,
    string? PageUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? ShopperReturnedAt,
    IReadOnlyList<ReplyRow> Replies,
    bool CanAnswer);
