using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// One chat as a staff member sees it in the Store App: the chat, its need, the priority and archive flags, the
/// shopper's email only when <see cref="ChatAccess.CanSeeEmail"/> allows it (<see cref="EmailGiven"/> says whether
/// there is one), what the caller may do, and the last messages (internal notes and cart events included).
/// </summary>
public sealed record ExpertChatDetail(
    ChatView Chat,
    string Department,
    bool IsPriority,
    bool IsArchived,
    string? ShopperEmail,
    bool EmailGiven,
    bool CanReply,
    bool CanNote,
    bool CanManage,
    bool CanClose,
    bool CanArchive,
    IReadOnlyList<MessageView> Messages);
