using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// A conversation as the inbox shows it to one staff member: the chat, its messages (notes and cart events
/// included, oldest first, the last <see cref="InboxQueries.ConversationPageSize"/>), what this person may do, and
/// the shopper's email only when <see cref="ChatAccess.CanSeeEmail"/> allows it (otherwise null; <see cref="EmailGiven"/>
/// still says whether replies can go by email).
/// </summary>
public sealed record InboxConversation(
    Guid ChatId,
    ChatStatus Status,
    ChatChannel Channel,
    string ShopperLabel,
    string? ShopperName,
    string? ShopperEmail,
    bool EmailGiven,
    bool ShopperOnline,
    string Language,
    Guid DepartmentId,
    string Department,
    Guid? ExpertId,
    string? ExpertName,
    Guid? StoreId,
    string? StoreName,
    bool IsPriority,
    bool IsArchived,
    DateTimeOffset StartedAt,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? EndedAt,
    ChatEndReason? EndReason,
    int? Rating,
    string? RatingComment,
    int ShopperReadSequence,
    int ExpertReadSequence,
    bool HasEarlierMessages,
    IReadOnlyList<MessageView> Messages,
    ConversationRights Rights,
    InboxRow? Offer);
