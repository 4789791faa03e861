using Microsoft.AspNetCore.SignalR;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Pushes routing events over SignalR: to an expert's group on the expert hub (all their devices) and to
/// the shopper's group on the shopper hub; and every event to the merchant's inbox circuits through the
/// <see cref="InboxBus"/>. A push is a courtesy on top of the database: whatever a client misses it can fetch
/// again over REST. Internal notes and cart events never go to the shopper.
/// </summary>
public sealed class HubChatNotifier(IHubContext<ExpertHub> experts, IHubContext<ShopperHub> shoppers, InboxBus inbox, ICurrentMerchant merchant, PushOrigin origin) : IChatNotifier
{
    public static string ExpertGroup(Guid staffMemberId) => $"expert:{staffMemberId}";

    public static string ShopperGroup(Guid shopperId) => $"shopper:{shopperId}";

    /// <summary>Whether the shopper's side ever sees messages of this kind.</summary>
    public static bool ShopperSees(MessageKind kind) => kind is not (MessageKind.Cart or MessageKind.Note);

    public async Task OfferMadeAsync(Guid staffMemberId, OfferView offer)
    {
        await experts.Clients.Group(ExpertGroup(staffMemberId)).SendAsync(ChatHubEvents.OfferReceived, offer);
        await PublishAsync(InboxEventKind.OfferMade, offer.ChatId, staffMemberId, offer);
    }

    public async Task OfferWithdrawnAsync(Guid staffMemberId, Guid offerId, Guid chatId, OfferWithdrawal reason)
    {
        await experts.Clients.Group(ExpertGroup(staffMemberId)).SendAsync(ChatHubEvents.OfferWithdrawn, new { offerId, chatId, reason });
        await PublishAsync(InboxEventKind.OfferWithdrawn, chatId, staffMemberId, new OfferWithdrawnView(offerId, chatId, reason));
    }

    public async Task AvailabilityChangedAsync(Guid staffMemberId, AvailabilityChange change)
    {
        await experts.Clients.Group(ExpertGroup(staffMemberId)).SendAsync(ChatHubEvents.AvailabilityChanged, change);
        await PublishAsync(InboxEventKind.AvailabilityChanged, null, staffMemberId, change);
    }

    public async Task ChatChangedAsync(Guid shopperId, Guid? expertId, ChatView chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        await shoppers.Clients.Group(ShopperGroup(shopperId)).SendAsync(ChatHubEvents.ChatChanged, chat);
        if (expertId is { } expert)
        {
            await experts.Clients.Group(ExpertGroup(expert)).SendAsync(ChatHubEvents.ChatChanged, chat);
        }

        await PublishAsync(InboxEventKind.ChatChanged, chat.Id, expertId, chat);
    }

    /// <summary>To both sides, except cart events and notes (the staff's only), and except the hub connection that sent it (<see cref="PushOrigin"/>).</summary>
    public async Task MessagePostedAsync(Guid shopperId, Guid? expertId, MessageView message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (ShopperSees(message.Kind))
        {
            var group = ShopperGroup(shopperId);
            await (message.Sender == MessageSender.Shopper && origin.ShopperConnectionId is { } sender
                ? shoppers.Clients.GroupExcept(group, sender)
                : shoppers.Clients.Group(group)).SendAsync(ChatHubEvents.MessageReceived, message);
        }

        if (expertId is { } expert)
        {
            var group = ExpertGroup(expert);
            await (message.Sender == MessageSender.Expert && origin.ExpertConnectionId is { } sender
                ? experts.Clients.GroupExcept(group, sender)
                : experts.Clients.Group(group)).SendAsync(ChatHubEvents.MessageReceived, message);
        }

        await PublishAsync(InboxEventKind.MessagePosted, message.ChatId, expertId, message);
    }

    public async Task IdleWarningAsync(Guid shopperId, Guid? expertId, Guid chatId, DateTimeOffset endsAt)
    {
        await shoppers.Clients.Group(ShopperGroup(shopperId)).SendAsync(ChatHubEvents.IdleWarning, new { chatId, endsAt });
        if (expertId is { } expert)
        {
            await experts.Clients.Group(ExpertGroup(expert)).SendAsync(ChatHubEvents.IdleWarning, new { chatId, endsAt });
        }

        await PublishAsync(InboxEventKind.IdleWarning, chatId, expertId, endsAt);
    }

    public async Task TypingAsync(Guid shopperId, Guid? expertId, TypingView typing)
    {
        ArgumentNullException.ThrowIfNull(typing);
        await ToOtherSideAsync(shopperId, expertId, typing.Sender, ChatHubEvents.Typing, typing);
        await PublishAsync(InboxEventKind.Typing, typing.ChatId, expertId, typing);
    }

    public async Task ReadAsync(Guid shopperId, Guid? expertId, ReadView read)
    {
        ArgumentNullException.ThrowIfNull(read);
        await ToOtherSideAsync(shopperId, expertId, read.Reader, ChatHubEvents.Read, read);
        await PublishAsync(InboxEventKind.Read, read.ChatId, expertId, read);
    }

    public async Task ChatUpdatedAsync(Guid chatId, Guid? expertId)
    {
        if (expertId is { } expert)
        {
            await experts.Clients.Group(ExpertGroup(expert)).SendAsync(ChatHubEvents.ChatUpdated, new { chatId });
        }

        await PublishAsync(InboxEventKind.ChatUpdated, chatId, expertId, null);
    }

    public async Task NotePostedAsync(Guid? expertId, MessageView note, IReadOnlyCollection<Guid> mentioned)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(mentioned);
        if (expertId is { } expert)
        {
            await experts.Clients.Group(ExpertGroup(expert)).SendAsync(ChatHubEvents.MessageReceived, note);
        }

        await PublishAsync(InboxEventKind.MessagePosted, note.ChatId, expertId, note);
        foreach (var teammate in mentioned)
        {
            await experts.Clients.Group(ExpertGroup(teammate)).SendAsync(ChatHubEvents.Mentioned, note);
            await PublishAsync(InboxEventKind.Mentioned, note.ChatId, teammate, note);
        }
    }

    public async Task ShopperPresenceAsync(Guid chatId, Guid? expertId, bool online)
    {
        if (expertId is { } expert)
        {
            await experts.Clients.Group(ExpertGroup(expert)).SendAsync(ChatHubEvents.ShopperPresence, new { chatId, online });
        }

        await PublishAsync(InboxEventKind.ShopperPresence, chatId, expertId, online);
    }

    public Task TeamChangedAsync(Guid staffMemberId) => PublishAsync(InboxEventKind.TeamChanged, null, staffMemberId, null);

    private Task PublishAsync(InboxEventKind kind, Guid? chatId, Guid? staffMemberId, object? payload) =>
        merchant.MerchantId is { } merchantId
            ? inbox.PublishAsync(new InboxEvent(kind, merchantId, chatId, staffMemberId, payload))
            : Task.CompletedTask;

    private Task ToOtherSideAsync(Guid shopperId, Guid? expertId, MessageSender from, string name, object payload) =>
        from == MessageSender.Expert ? shoppers.Clients.Group(ShopperGroup(shopperId)).SendAsync(name, payload)
        : expertId is { } expert ? experts.Clients.Group(ExpertGroup(expert)).SendAsync(name, payload)
        : Task.CompletedTask;
}
