using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Chats;

/// <summary>
/// Who may see and do what with a chat in the inbox and the Store App. HQ admins and support staff: every chat of
/// the merchant. Store managers: the chats of their stores, and waiting chats of needs their stores serve. Experts:
/// the chats they hold and the ones offered to them. Privacy: the shopper's email shows only while the chat is
/// active, only when the shopper gave it, and only to someone who may see the chat.
/// </summary>
public static class ChatAccess
{
    /// <param name="offeredToStaff">The chat is offered to this person now (routing or a transfer).</param>
    /// <param name="servedByStaffStores">One of the person's stores has an active team serving the chat's need.</param>
    public static bool CanSee(ChatStaff staff, Chat chat, bool offeredToStaff = false, bool servedByStaffStores = false)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(chat);
        return chat.ExpertId == staff.Id || offeredToStaff || ManagesChat(staff, chat, servedByStaffStores);
    }

    /// <summary>Prioritise, reassign, move to another need, block the shopper: the expert holding it while active, managers and support.</summary>
    public static bool CanManage(ChatStaff staff, Chat chat, bool servedByStaffStores = false)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(chat);
        return ManagesChat(staff, chat, servedByStaffStores) || (chat.ExpertId == staff.Id && chat.Status == ChatStatus.Active);
    }

    /// <summary>Only the expert holding an active chat writes to the shopper.</summary>
    public static bool CanReply(ChatStaff staff, Chat chat)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(chat);
        return chat.Status == ChatStatus.Active && chat.ExpertId == staff.Id;
    }

    /// <summary>Anyone who may see the chat may add an internal note, until it is archived.</summary>
    public static bool CanNote(ChatStaff staff, Chat chat, bool offeredToStaff = false, bool servedByStaffStores = false) =>
        CanSee(staff, chat, offeredToStaff, servedByStaffStores) && chat.ArchivedAt is null;

    /// <summary>A waiting or active chat is closed by the expert holding it, or by whoever manages it.</summary>
    public static bool CanClose(ChatStaff staff, Chat chat, bool servedByStaffStores = false)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(chat);
        return chat.Status is ChatStatus.Waiting or ChatStatus.Active
            && (chat.ExpertId == staff.Id || ManagesChat(staff, chat, servedByStaffStores));
    }

    /// <summary>An ended or missed chat is archived (hidden from Closed, never deleted) or restored by the expert who held it, or by whoever manages it.</summary>
    public static bool CanArchive(ChatStaff staff, Chat chat, bool servedByStaffStores = false)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(chat);
        return chat.Status is ChatStatus.Ended or ChatStatus.Missed
            && (chat.ExpertId == staff.Id || ManagesChat(staff, chat, servedByStaffStores));
    }

    /// <summary>The shopper's email: only while the chat is active, only when given, only to someone who may see the chat.</summary>
    public static bool CanSeeEmail(ChatStaff staff, Chat chat, bool servedByStaffStores = false)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return chat.ShopperEmail is not null && chat.Status == ChatStatus.Active && CanSee(staff, chat, false, servedByStaffStores);
    }

    /// <summary>Whether a reassignment to this teammate may be asked for (they must still accept it).</summary>
    /// <param name="targetMayChat">The teammate is an active expert.</param>
    /// <param name="targetActiveChats">How many chats the teammate holds now.</param>
    /// <param name="limit">The merchant's simultaneous chat limit.</param>
    public static RuleResult CanTransferTo(Chat chat, Guid targetId, bool targetMayChat, int targetActiveChats, int limit)
    {
        ArgumentNullException.ThrowIfNull(chat);
        if (chat.Status != ChatStatus.Active)
        {
            return RuleResult.Fail("Only a chat in progress can be reassigned.");
        }

        if (chat.ExpertId == targetId)
        {
            return RuleResult.Fail("This teammate already holds the chat.");
        }

        if (!targetMayChat)
        {
            return RuleResult.Fail("Choose a teammate who may chat (an active expert).");
        }

        return targetActiveChats >= limit
            ? RuleResult.Fail($"This teammate already holds {targetActiveChats} chats, the most they may hold at once.")
            : RuleResult.Ok;
    }

    /// <summary>Moving a waiting or active chat to another active need routes it again to that need's experts.</summary>
    public static RuleResult CanMoveTo(Chat chat, Guid departmentId, bool departmentActive)
    {
        ArgumentNullException.ThrowIfNull(chat);
        if (chat.Status is not (ChatStatus.Waiting or ChatStatus.Active))
        {
            return RuleResult.Fail("Only a waiting chat or a chat in progress can be moved.");
        }

        if (!departmentActive)
        {
            return RuleResult.Fail("Choose an active department.");
        }

        return chat.DepartmentId == departmentId ? RuleResult.Fail("The chat is already in this department.") : RuleResult.Ok;
    }

    /// <summary>A block needs a reason (for the Blocked list and whoever unblocks).</summary>
    public static (string? Reason, RuleResult Result) CleanBlockReason(string? reason)
    {
        var cleaned = reason?.Trim();
        if (string.IsNullOrEmpty(cleaned))
        {
            return (null, RuleResult.Fail("Say why you block this shopper."));
        }

        return cleaned.Length > BlockedShopper.MaxReasonLength
            ? (null, RuleResult.Fail($"The reason can be at most {BlockedShopper.MaxReasonLength} characters."))
            : (cleaned, RuleResult.Ok);
    }

    private static bool ManagesChat(ChatStaff staff, Chat chat, bool servedByStaffStores)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return staff.SeesWholeMerchant
            || (staff.IsStoreManager && ((chat.StoreId is { } store && staff.StoreIds.Contains(store)) || (chat.Status == ChatStatus.Waiting && servedByStaffStores)));
    }
}
