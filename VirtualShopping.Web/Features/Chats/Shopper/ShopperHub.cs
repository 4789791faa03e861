using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Authorization;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The chat widget's realtime channel (/hubs/shopper, shopper session token). Pushes the expert joining,
/// their messages, the idle warning and the chat ending; a reconnecting widget catches up with MessagesSince.
/// Its connections are the shopper's presence: the first one says they are on the site, the last one closing that
/// they left (the expert of their open chat is told; replies then go by email).
/// </summary>
[Authorize(Policy = Policies.Shopper)]
public sealed class ShopperHub(
    MerchantScope scope,
    ChatConversation conversation,
    ChatSignals signals,
    ShopperPresence presence,
    IChatNotifier notifier,
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    ChatRateLimits limits,
    PushOrigin origin) : Hub
{
    public const string Path = "/hubs/shopper";

    public override async Task OnConnectedAsync()
    {
        var (merchantId, shopperId) = Caller();
        await Groups.AddToGroupAsync(Context.ConnectionId, HubChatNotifier.ShopperGroup(shopperId));
        await base.OnConnectedAsync();
        if (presence.Connected(shopperId))
        {
            await PresenceChangedAsync(merchantId, shopperId, true);
        }

        await Clients.Caller.SendAsync(ChatHubEvents.Ready, new { shopperId });
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (ShopperSession.From(Context.User) is { } session && presence.Disconnected(session.ShopperId))
        {
            await PresenceChangedAsync(session.MerchantId, session.ShopperId, false);
        }

        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Tells the expert of the shopper's open chat (and the inbox) that the shopper came or left.</summary>
    private async Task PresenceChangedAsync(Guid merchantId, Guid shopperId, bool online)
    {
        scope.Use(merchantId);
        await using var db = await contexts.CreateDbContextAsync();
        var open = await db.Chats.AsNoTracking()
            .Where(c => c.ShopperId == shopperId && (c.Status == ChatStatus.Waiting || c.Status == ChatStatus.Active))
            .Select(c => new { c.Id, c.ExpertId }).FirstOrDefaultAsync();
        if (open is not null)
        {
            await notifier.ShopperPresenceAsync(open.Id, open.ExpertId, online);
        }
    }

    /// <summary>The chat's messages after the last number the widget saw, in order.</summary>
    public async Task<IReadOnlyList<MessageView>> MessagesSince(Guid chatId, int after)
    {
        var (merchantId, shopperId) = Caller();
        scope.Use(merchantId);
        return await conversation.MessagesSinceAsync(chatId, after, shopperId, null)
            ?? throw new HubException(ChatResults.NoSuchChat);
    }

    /// <summary>
    /// Sends a message in the shopper's chat without an HTTP request: the same rules, answers and rate limits as
    /// POST .../chats/{chatId}/messages (a refusal is a HubException with the problem's text); the stored message once
    /// it is committed. A retry with the same client message id, over the hub or REST, returns the message already stored.
    /// </summary>
    public async Task<MessageView> SendMessage(Guid chatId, string? text, string? clientMessageId)
    {
        var (merchantId, shopperId) = Caller();
        if (limits.TryAcquireForHub(shopperId, Context.GetHttpContext()?.Connection.RemoteIpAddress) is { } wait)
        {
            throw new HubException($"Too many requests. {Errors.TooManyRequests.WaitInWords(wait)} and try again.");
        }

        scope.Use(merchantId);
        origin.ShopperConnectionId = Context.ConnectionId;
        return ChatSignals.ValueOrThrow(await conversation.PostFromShopperAsync(shopperId, chatId, text, clientMessageId, Context.ConnectionAborted));
    }

    /// <summary>The shopper is typing (call at most every 2 s); the expert gets `typing`. A finished chat ignores it.</summary>
    public async Task Typing(Guid chatId)
    {
        var (merchantId, shopperId) = Caller();
        scope.Use(merchantId);
        ChatSignals.ValueOrThrow(await signals.ShopperTypingAsync(shopperId, chatId));
    }

    /// <summary>The shopper has seen the messages up to this number; the expert gets `read`.</summary>
    public async Task<ReadView> MarkRead(Guid chatId, int sequence)
    {
        var (merchantId, shopperId) = Caller();
        scope.Use(merchantId);
        return ChatSignals.ValueOrThrow(await signals.ShopperReadAsync(shopperId, chatId, sequence));
    }

    private (Guid MerchantId, Guid ShopperId) Caller() =>
        ShopperSession.From(Context.User) ?? throw new HubException("No shopper session.");
}
