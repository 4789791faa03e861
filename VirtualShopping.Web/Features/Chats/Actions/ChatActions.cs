using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// What staff do to a conversation besides writing to the shopper: internal notes with @mentions, priority, close,
/// archive, block and unblock the shopper. Each checks <see cref="ChatAccess"/> for the acting staff member and
/// changes nothing on refusal. Used by the inbox and the Store App API alike.
/// </summary>
public sealed class ChatActions(IDbContextFactory<VirtualShoppingDbContext> contexts, IChatNotifier notifier, ChatConversation conversation, TimeProvider clock)
{
    /// <summary>What a shopper who is blocked is told when they try to start a chat: nothing about the block.</summary>
    public const string NotAvailable = "Chat is not available right now.";

    /// <summary>An internal note; "@Name" of a teammate (display name, case-insensitive) mentions and notifies them.</summary>
    public async Task<ChatActionOutcome<MessageView>> AddNoteAsync(ChatStaff staff, Guid chatId, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var (cleaned, result) = ChatMessage.CleanText(text);
        if (!result.IsValid)
        {
            return ChatActionOutcome<MessageView>.Fail(ChatProblemKind.Invalid, result.Error!, "text");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await StaffChat.FindAsync(db, staff, chatId, cancellationToken);
        if (found is null || !found.CanSee(staff))
        {
            return NoSuchChat<MessageView>();
        }

        if (!ChatAccess.CanNote(staff, found.Chat, found.OfferedToStaff, found.ServedByStaffStores))
        {
            return ChatActionOutcome<MessageView>.Fail(ChatProblemKind.Conflict, "This chat is archived. Restore it to add a note.");
        }

        var teammates = await db.StaffMembers.AsNoTracking().Where(s => s.Status == StaffStatus.Active)
            .Select(s => new { s.Id, s.DisplayName }).ToListAsync(cancellationToken);
        var mentioned = NoteMentions.Find(cleaned, teammates.Select(t => (t.Id, t.DisplayName))).Where(id => id != staff.Id).ToList();
        var note = await ChatLog.AppendAsync(
            db, found.Chat, MessageSender.Expert, staff.Id, staff.Name, cleaned!, null, clock.GetUtcNow(), cancellationToken, MessageKind.Note, NoteMentions.ToData(mentioned));
        var view = MessageView.Of(note);
        await notifier.NotePostedAsync(found.Chat.ExpertId, view, mentioned);
        return ChatActionOutcome<MessageView>.Ok(view);
    }

    public async Task<ChatActionOutcome<bool>> SetPriorityAsync(ChatStaff staff, Guid chatId, bool priority, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (found, refusal) = await ManagedAsync<bool>(db, staff, chatId, "change its priority", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        await db.Chats.Where(c => c.Id == chatId).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsPriority, priority), cancellationToken);
        await notifier.ChatUpdatedAsync(chatId, found!.Chat.ExpertId);
        return ChatActionOutcome<bool>.Ok(priority);
    }

    /// <summary>The holder or a manager closes a waiting or active chat; the shopper gets the rating survey (as when an expert closes).</summary>
    public async Task<ChatActionOutcome<ChatView>> CloseAsync(ChatStaff staff, Guid chatId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        StaffChat? found;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            found = await StaffChat.FindAsync(db, staff, chatId, cancellationToken);
        }

        if (found is null || !found.CanSee(staff))
        {
            return NoSuchChat<ChatView>();
        }

        if (found.Chat.Status is not (ChatStatus.Waiting or ChatStatus.Active))
        {
            return ChatActionOutcome<ChatView>.Fail(ChatProblemKind.Conflict, "This chat has already ended.");
        }

        if (!ChatAccess.CanClose(staff, found.Chat, found.ServedByStaffStores))
        {
            return ChatActionOutcome<ChatView>.Fail(ChatProblemKind.Forbidden, "Only the expert holding the chat, managers and support can close it.");
        }

        return found.Chat.ExpertId == staff.Id
            ? await conversation.CloseByExpertAsync(staff.Id, chatId, cancellationToken)
            : await conversation.EndAsync(chatId, ChatEndReason.Expert, staff.Name, cancellationToken);
    }

    /// <summary>Archives (or restores) an ended or missed chat: hidden from Closed, never deleted.</summary>
    public async Task<ChatActionOutcome<bool>> ArchiveAsync(ChatStaff staff, Guid chatId, bool archived, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await StaffChat.FindAsync(db, staff, chatId, cancellationToken);
        if (found is null || !found.CanSee(staff))
        {
            return NoSuchChat<bool>();
        }

        if (found.Chat.Status is not (ChatStatus.Ended or ChatStatus.Missed))
        {
            return ChatActionOutcome<bool>.Fail(ChatProblemKind.Conflict, "Only an ended or missed chat can be archived.");
        }

        if (!ChatAccess.CanArchive(staff, found.Chat, found.ServedByStaffStores))
        {
            return ChatActionOutcome<bool>.Fail(ChatProblemKind.Forbidden, "Only the expert who held the chat, managers and support can archive it.");
        }

        DateTimeOffset? at = archived ? clock.GetUtcNow() : null;
        await db.Chats.Where(c => c.Id == chatId && (c.Status == ChatStatus.Ended || c.Status == ChatStatus.Missed))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ArchivedAt, at), cancellationToken);
        await notifier.ChatUpdatedAsync(chatId, found.Chat.ExpertId);
        return ChatActionOutcome<bool>.Ok(archived);
    }

    /// <summary>Blocks the chat's shopper with a reason and ends the chat; returns the block's id.</summary>
    public async Task<ChatActionOutcome<Guid>> BlockAsync(ChatStaff staff, Guid chatId, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var (cleanReason, result) = ChatAccess.CleanBlockReason(reason);
        if (!result.IsValid)
        {
            return ChatActionOutcome<Guid>.Fail(ChatProblemKind.Invalid, result.Error!, "reason");
        }

        Chat chat;
        BlockedShopper block;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var (found, refusal) = await ManagedAsync<Guid>(db, staff, chatId, "block the shopper", cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            chat = found!.Chat;
            if (await IsBlockedAsync(db, chat.ShopperId, chat.ShopperEmail, cancellationToken))
            {
                return ChatActionOutcome<Guid>.Fail(ChatProblemKind.Conflict, "This shopper is already blocked.");
            }

            block = new BlockedShopper
            {
                ShopperId = chat.ShopperId,
                EmailHash = BlockedShopper.HashEmail(chat.ShopperEmail),
                ShopperName = chat.ShopperName,
                ChatId = chat.Id,
                Reason = cleanReason!,
                BlockedById = staff.Id,
                BlockedByName = staff.Name,
                BlockedAt = clock.GetUtcNow(),
            };
            db.BlockedShoppers.Add(block);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (chat.Status is ChatStatus.Waiting or ChatStatus.Active)
        {
            await conversation.EndAsync(chat.Id, ChatEndReason.Expert, staff.Name, cancellationToken);
        }

        await notifier.ChatUpdatedAsync(chat.Id, chat.ExpertId);
        return ChatActionOutcome<Guid>.Ok(block.Id);
    }

    /// <summary>HQ admins, support and store managers unblock.</summary>
    public async Task<ChatActionOutcome<bool>> UnblockAsync(ChatStaff staff, Guid blockId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (!staff.Supervises)
        {
            return ChatActionOutcome<bool>.Fail(ChatProblemKind.Forbidden, "Only managers and support can unblock shoppers.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unblocked = await db.BlockedShoppers.Where(b => b.Id == blockId && b.UnblockedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.UnblockedAt, clock.GetUtcNow()).SetProperty(b => b.UnblockedById, staff.Id), cancellationToken);
        return unblocked == 1
            ? ChatActionOutcome<bool>.Ok(true)
            : ChatActionOutcome<bool>.Fail(ChatProblemKind.NotFound, "There is no such block (the shopper may already be unblocked).");
    }

    /// <summary>The Blocked list: active blocks, newest first (managers and support).</summary>
    public async Task<IReadOnlyList<BlockedShopperRow>> BlockedAsync(ChatStaff staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (!staff.Supervises)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var blocks = await db.BlockedShoppers.AsNoTracking().Where(b => b.UnblockedAt == null).ToListAsync(cancellationToken);
        return blocks.OrderByDescending(b => b.BlockedAt)
            .Select(b => new BlockedShopperRow(b.Id, ShopperLabel(b.ShopperName, b.ShopperId), b.Reason, b.BlockedByName, b.BlockedAt, b.ChatId))
            .ToList();
    }

    /// <summary>How many of the newest messages <see cref="DetailAsync"/> returns.</summary>
    public const int DetailMessages = 200;

    /// <summary>One chat as this staff member may see it (the Store App's chat screen); not found for anyone who may not.</summary>
    public async Task<ChatActionOutcome<ExpertChatDetail>> DetailAsync(ChatStaff staff, Guid chatId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await StaffChat.FindAsync(db, staff, chatId, cancellationToken);
        if (found is null || !found.CanSee(staff))
        {
            return NoSuchChat<ExpertChatDetail>();
        }

        var chat = found.Chat;
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == chat.DepartmentId).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken);
        var newest = await db.ChatMessages.AsNoTracking().Where(m => m.ChatId == chatId)
            .OrderByDescending(m => m.Sequence).Take(DetailMessages).ToListAsync(cancellationToken);
        newest.Reverse();
        return ChatActionOutcome<ExpertChatDetail>.Ok(new ExpertChatDetail(
            ChatView.Of(chat, clock.GetUtcNow()),
            department ?? string.Empty,
            chat.IsPriority,
            chat.ArchivedAt is not null,
            ChatAccess.CanSeeEmail(staff, chat, found.ServedByStaffStores) ? chat.ShopperEmail : null,
            chat.ShopperEmail is not null,
            ChatAccess.CanReply(staff, chat),
            ChatAccess.CanNote(staff, chat, found.OfferedToStaff, found.ServedByStaffStores),
            found.CanManage(staff),
            ChatAccess.CanClose(staff, chat, found.ServedByStaffStores),
            ChatAccess.CanArchive(staff, chat, found.ServedByStaffStores),
            await ChatLog.ViewsAsync(db, newest, cancellationToken)));
    }

    /// <summary>Whether a shopper (by session, or by the email they give) is blocked from starting chats with the current merchant.</summary>
    public static Task<bool> IsBlockedAsync(VirtualShoppingDbContext db, Guid shopperId, string? email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.BlockedShoppers.AnyAsync(Blocks(shopperId, email), cancellationToken);
    }

    /// <summary>The blocks that keep this shopper (by session, or by the email they give) from starting chats, for use inside a larger query.</summary>
    public static System.Linq.Expressions.Expression<Func<BlockedShopper, bool>> Blocks(Guid shopperId, string? email)
    {
        var hash = BlockedShopper.HashEmail(email);
        return b => b.UnblockedAt == null && (b.ShopperId == shopperId || (hash != null && b.EmailHash == hash));
    }

    /// <summary>The name the shopper gave, or "Shopper" and the start of their id.</summary>
    public static string ShopperLabel(string? name, Guid shopperId) =>
        string.IsNullOrWhiteSpace(name) ? "Shopper " + shopperId.ToString("N")[..4] : name;

    /// <summary>The chat when the person may manage it; otherwise the refusal (not found when they may not even see it).</summary>
    private static async Task<(StaffChat? Found, ChatActionOutcome<T>? Refusal)> ManagedAsync<T>(
        VirtualShoppingDbContext db, ChatStaff staff, Guid chatId, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var found = await StaffChat.FindAsync(db, staff, chatId, cancellationToken);
        if (found is null || !found.CanSee(staff))
        {
            return (null, NoSuchChat<T>());
        }

        return found.CanManage(staff)
            ? (found, null)
            : (found, ChatActionOutcome<T>.Fail(ChatProblemKind.Forbidden, $"Only the expert holding the chat while it is in progress, managers and support can {what}."));
    }

    private static ChatActionOutcome<T> NoSuchChat<T>() => ChatActionOutcome<T>.Fail(ChatProblemKind.NotFound, ChatResults.NoSuchChat);
}
