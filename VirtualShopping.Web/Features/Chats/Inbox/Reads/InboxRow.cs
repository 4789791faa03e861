using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// One line of the inbox list. <see cref="ShopperLabel"/> is the name the shopper gave or "Shopper" plus a short
/// id; never their email. <see cref="Unread"/> counts shopper messages the holder has not read (0 for others'
/// chats). <see cref="OfferId"/> and <see cref="OfferExpiresAt"/> are set in the New view only.
/// </summary>
public sealed record InboxRow(
    Guid ChatId,
    string ShopperLabel,
    ChatStatus Status,
    ChatChannel Channel,
    Guid DepartmentId,
    string Department,
    Guid? ExpertId,
    string? ExpertName,
    Guid? StoreId,
    string? StoreName,
    DateTimeOffset StartedAt,
    int WaitedSeconds,
    DateTimeOffset LastActivityAt,
    string? LastMessage,
    int Unread,
    bool IsPriority,
    bool IsArchived,
    bool ShopperOnline,
    Guid? OfferId = null,
    OfferKind? OfferKind = null,
    DateTimeOffset? OfferExpiresAt = null,
    int ColleaguesOffered = 0,
    bool SpokenBefore = false,
    string? RequestedByName = null);
