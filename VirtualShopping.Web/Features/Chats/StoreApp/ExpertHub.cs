using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Authorization;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The Store App's realtime channel (/hubs/expert, bearer token). Connecting marks the expert connected, so
/// routing may offer them chats; disconnecting stops new offers but leaves their chats alone. Pushes:
/// offers, withdrawals, availability changes, chat changes and messages. Everything else is REST.
/// <see cref="ActiveExpertHubFilter"/> refuses connecting and every method to staff who are no longer active experts.
/// </summary>
[Authorize(Policy = Policies.Expert)]
public sealed class ExpertHub(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    MerchantScope scope,
    ExpertConnectionRegistry registry,
    ChatRouter router,
    ChatConversation conversation,
    ChatSignals signals,
    IChatNotifier notifier,
    TimeProvider clock,
    PushOrigin origin) : Hub
{
    public const string Path = "/hubs/expert";

    public override async Task OnConnectedAsync()
    {
        var (merchantId, staffMemberId) = Caller();
        scope.Use(merchantId);
        var now = clock.GetUtcNow();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.ExpertConnections.Add(new ExpertConnection { ConnectionId = Context.ConnectionId, StaffMemberId = staffMemberId, ConnectedAt = now, LastSeenAt = now });
            await db.SaveChangesAsync();
        }

        registry.Add(Context.ConnectionId, staffMemberId, Context.Abort);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubChatNotifier.ExpertGroup(staffMemberId));

        // A reconnecting Store App gets the offers still counting down for it.
        foreach (var offer in await router.PendingOffersAsync(staffMemberId))
        {
            await Clients.Caller.SendAsync(ChatHubEvents.OfferReceived, offer);
        }

        await base.OnConnectedAsync();
        await notifier.TeamChangedAsync(staffMemberId);
        await Clients.Caller.SendAsync(ChatHubEvents.Ready, new { staffMemberId });
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        try
        {
            var (merchantId, _) = Caller();
            scope.Use(merchantId);
            await using var db = await contexts.CreateDbContextAsync();
            await db.ExpertConnections.Where(c => c.ConnectionId == Context.ConnectionId).ExecuteDeleteAsync();
        }
        finally
        {
            registry.Remove(Context.ConnectionId);
        }

        if (Context.User?.StaffMemberId() is { } staffMemberId)
        {
            await notifier.TeamChangedAsync(staffMemberId);
        }

        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>The messages of one of the expert's chats after the last number the app saw, in order.</summary>
    public async Task<IReadOnlyList<MessageView>> MessagesSince(Guid chatId, int after)
    {
        var (merchantId, staffMemberId) = Caller();
        scope.Use(merchantId);
        return await conversation.MessagesSinceAsync(chatId, after, null, staffMemberId)
            ?? throw new HubException(ChatResults.NoSuchChat);
    }

    /// <summary>
    /// Sends a message in one of the expert's chats without an HTTP request: the same rules and answers as
    /// POST /api/v1/expert/chats/{chatId}/messages (a refusal is a HubException with the problem's text); the stored
    /// message once it is committed. A retry with the same client message id returns the message already stored.
    /// </summary>
    public async Task<MessageView> SendMessage(Guid chatId, string? text, string? clientMessageId)
    {
        var (merchantId, staffMemberId) = Caller();
        scope.Use(merchantId);
        origin.ExpertConnectionId = Context.ConnectionId;
        return ChatSignals.ValueOrThrow(await conversation.PostFromStoreAppAsync(staffMemberId, chatId, text, clientMessageId, Context.ConnectionAborted));
    }

    /// <summary>The expert is typing in one of their chats (call at most every 2 s); the shopper gets `typing`.</summary>
    public async Task Typing(Guid chatId)
    {
        var (merchantId, staffMemberId) = Caller();
        scope.Use(merchantId);
        ChatSignals.ValueOrThrow(await signals.ExpertTypingAsync(staffMemberId, chatId));
    }

    /// <summary>The expert has seen the messages up to this number; the shopper gets `read`.</summary>
    public async Task<ReadView> MarkRead(Guid chatId, int sequence)
    {
        var (merchantId, staffMemberId) = Caller();
        scope.Use(merchantId);
        return ChatSignals.ValueOrThrow(await signals.ExpertReadAsync(staffMemberId, chatId, sequence));
    }

    private (Guid MerchantId, Guid StaffMemberId) Caller() =>
        (MerchantScope.MerchantOf(Context.User) ?? throw new HubException("Not signed in as staff."),
         Context.User?.StaffMemberId() ?? throw new HubException("Not signed in as staff."));
}
