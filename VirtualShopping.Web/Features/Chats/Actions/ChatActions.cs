using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// What staff do to a conversation besides writing to the shopper: internal notes with @mentions, priority, close,
/// archive, block and unblock the shopper. Each checks <see cref="ChatAccess"/> for the acting staff member and
/// changes nothing on refusal. Used by the inbox and the Store App API alike.
/// </summary>
public sealed class ChatActions(IDbContextFactory<VirtualShoppingDbContext> contexts, IChatNotifier notifier, ChatConversation conversation, TimeProvider clock)
{
    /// <summary>An internal note; "@Name" of a teammate (display name, case-insensitive) mentions and notifies them.</summary>
    public Task<ChatActionOutcome<MessageView>> AddNoteAsync(ChatStaff staff, Guid chatId, string? text, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{contexts}{notifier}{conversation}{clock}{staff}{chatId}{text}{cancellationToken}");

    public Task<ChatActionOutcome<bool>> SetPriorityAsync(ChatStaff staff, Guid chatId, bool priority, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{staff}{chatId}{priority}{cancellationToken}");

    /// <summary>The holder or a manager closes a waiting or active chat; the shopper gets the rating survey (as when an expert closes).</summary>
    public Task<ChatActionOutcome<ChatView>> CloseAsync(ChatStaff staff, Guid chatId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{staff}{chatId}{cancellationToken}");

    /// <summary>Archives (or restores) an ended or missed chat: hidden from Closed, never deleted.</summary>
    public Task<ChatActionOutcome<bool>> ArchiveAsync(ChatStaff staff, Guid chatId, bool archived, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{staff}{chatId}{archived}{cancellationToken}");

    /// <summary>Blocks the chat's shopper with a reason and ends the chat; returns the block's id.</summary>
    public Task<ChatActionOutcome<Guid>> BlockAsync(ChatStaff staff, Guid chatId, string? reason, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{staff}{chatId}{reason}{cancellationToken}");

    /// <summary>HQ admins, support and store managers unblock.</summary>
    public Task<ChatActionOutcome<bool>> UnblockAsync(ChatStaff staff, Guid blockId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{staff}{blockId}{cancellationToken}");

    /// <summary>The Blocked list: active blocks, newest first (managers and support).</summary>
    public Task<IReadOnlyList<BlockedShopperRow>> BlockedAsync(ChatStaff staff, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{staff}{cancellationToken}");

    /// <summary>Whether a shopper (by session, or by the email they give) is blocked from starting chats with the current merchant.</summary>
    public static Task<bool> IsBlockedAsync(VirtualShoppingDbContext db, Guid shopperId, string? email, CancellationToken cancellationToken) =>
        throw new NotImplementedException($"{db}{shopperId}{email}{cancellationToken}");
}
