namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// What the viewing staff member may do in a conversation, from <see cref="Domain.Chats.ChatAccess"/>: the UI shows
/// only these actions, and every service checks them again.
/// </summary>
public sealed record ConversationRights(
    bool CanReply,
    bool CanNote,
    bool CanManage,
    bool CanClose,
    bool CanArchive,
    bool CanSendImages,
    bool CanSendVideo,
    bool CanClaim);
