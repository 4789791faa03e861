using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Authorization;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The chat widget's realtime channel (/hubs/shopper, shopper session token). Pushes the expert joining,
/// their messages, the idle warning and the chat ending; a reconnecting widget catches up with MessagesSince.
/// </summary>
[Authorize(Policy = Policies.Shopper)]
public sealed class ShopperHub(MerchantScope scope, ChatConversation conversation, ChatSignals signals) : Hub
{
    public const string Path = "/hubs/shopper";

    public override async Task OnConnectedAsync()
    {
        var (_, shopperId) = Caller();
        await Groups.AddToGroupAsync(Context.ConnectionId, HubChatNotifier.ShopperGroup(shopperId));
        await base.OnConnectedAsync();
        await Clients.Caller.SendAsync(ChatHubEvents.Ready, new { shopperId });
    }

    /// <summary>The chat's messages after the last number the widget saw, in order.</summary>
    public async Task<IReadOnlyList<MessageView>> MessagesSince(Guid chatId, int after)
    {
        var (merchantId, shopperId) = Caller();
        scope.Use(merchantId);
        return await conversation.MessagesSinceAsync(chatId, after, shopperId, null)
            ?? throw new HubException(ChatResults.NoSuchChat);
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
