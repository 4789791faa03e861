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
/// offers, withdrawals, availability changes, chat changes and messages. Besides catching up, it takes the two calls
/// an expert makes most (a message and a claim) without an HTTP request; everything else is REST.
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

    /// <summary>
    /// Claims an offered chat without an HTTP request: the same race, rules and answers as
    /// POST /api/v1/expert/offers/{offerId}/claim. A won claim gives the chat; a lost one (a colleague was first, the
    /// countdown ran out, the expert is at their limit...) gives its reason and explanation, as the REST 409 does; an
    /// unknown offer or a revoked access is a HubException (the REST 404 and 403). Whether the caller is still an
    /// active expert is checked in the claim's own read, so <see cref="ActiveExpertHubFilter"/> does not query first.
    /// </summary>
    public async Task<HubClaim> ClaimOffer(Guid offerId)
    {
        var (merchantId, staffMemberId) = Caller();
        scope.Use(merchantId);
        var outcome = await router.ClaimAsync(staffMemberId, null, offerId, Context.ConnectionAborted);
        if (outcome.NoAccess)
        {
            throw new HubException(ActiveExpertHubFilter.NoAccess);
        }

        if (!outcome.OfferFound)
        {
            throw new HubException("There is no such offer for you.");
        }

        return outcome.Chat is { } chat
            ? new HubClaim(true, chat, null, null)
            : new HubClaim(false, null, outcome.Refusal.ToString(), outcome.Explanation);
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

/// <summary>What <see cref="ExpertHub.ClaimOffer"/> answers: the chat when claimed, else why not (as the REST 409's reason and detail).</summary>
public sealed record HubClaim(bool Claimed, ChatView? Chat, string? Reason, string? Explanation);
