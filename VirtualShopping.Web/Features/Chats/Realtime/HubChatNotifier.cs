using Microsoft.AspNetCore.SignalR;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Pushes routing events over SignalR: to an expert's group on the expert hub (all their devices) and to
/// the shopper's group on the shopper hub. A push is a courtesy on top of the database: whatever a client
/// misses it can fetch again over REST.
/// </summary>
public sealed class HubChatNotifier(IHubContext<ExpertHub> experts, IHubContext<ShopperHub> shoppers) : IChatNotifier
{
    public static string ExpertGroup(Guid staffMemberId) => $"expert:{staffMemberId}";

    public static string ShopperGroup(Guid shopperId) => $"shopper:{shopperId}";

    public Task OfferMadeAsync(Guid staffMemberId, OfferView offer) =>
        experts.Clients.Group(ExpertGroup(staffMemberId)).SendAsync(ChatHubEvents.OfferReceived, offer);

    public Task OfferWithdrawnAsync(Guid staffMemberId, Guid offerId, Guid chatId, OfferWithdrawal reason) =>
        experts.Clients.Group(ExpertGroup(staffMemberId)).SendAsync(ChatHubEvents.OfferWithdrawn, new { offerId, chatId, reason });

    public Task AvailabilityChangedAsync(Guid staffMemberId, AvailabilityChange change) =>
        experts.Clients.Group(ExpertGroup(staffMemberId)).SendAsync(ChatHubEvents.AvailabilityChanged, change);

    public async Task ChatChangedAsync(Guid shopperId, Guid? expertId, ChatView chat)
    {
        await shoppers.Clients.Group(ShopperGroup(shopperId)).SendAsync(ChatHubEvents.ChatChanged, chat);
        if (expertId is { } expert)
        {
            await experts.Clients.Group(ExpertGroup(expert)).SendAsync(ChatHubEvents.ChatChanged, chat);
        }
    }

    /// <summary>To both sides, except cart events: those are the expert's only.</summary>
    public async Task MessagePostedAsync(Guid shopperId, Guid? expertId, MessageView message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind != Domain.Chats.MessageKind.Cart)
        {
            await shoppers.Clients.Group(ShopperGroup(shopperId)).SendAsync(ChatHubEvents.MessageReceived, message);
        }

        if (expertId is { } expert)
        {
            await experts.Clients.Group(ExpertGroup(expert)).SendAsync(ChatHubEvents.MessageReceived, message);
        }
    }

    public async Task IdleWarningAsync(Guid shopperId, Guid? expertId, Guid chatId, DateTimeOffset endsAt)
    {
        await shoppers.Clients.Group(ShopperGroup(shopperId)).SendAsync(ChatHubEvents.IdleWarning, new { chatId, endsAt });
        if (expertId is { } expert)
        {
            await experts.Clients.Group(ExpertGroup(expert)).SendAsync(ChatHubEvents.IdleWarning, new { chatId, endsAt });
        }
    }

    public Task TypingAsync(Guid shopperId, Guid? expertId, TypingView typing) =>
        ToOtherSideAsync(shopperId, expertId, typing.Sender, ChatHubEvents.Typing, typing);

    public Task ReadAsync(Guid shopperId, Guid? expertId, ReadView read) =>
        ToOtherSideAsync(shopperId, expertId, read.Reader, ChatHubEvents.Read, read);

    private Task ToOtherSideAsync(Guid shopperId, Guid? expertId, Domain.Chats.MessageSender from, string name, object payload) =>
        from == Domain.Chats.MessageSender.Expert ? shoppers.Clients.Group(ShopperGroup(shopperId)).SendAsync(name, payload)
        : expertId is { } expert ? experts.Clients.Group(ExpertGroup(expert)).SendAsync(name, payload)
        : Task.CompletedTask;
}
