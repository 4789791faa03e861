namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The realtime pushes routing and conversations make; implemented over the SignalR hubs and the inbox bus
/// (scoped: it publishes for the current merchant).
/// </summary>
public interface IChatNotifier
{
    Task OfferMadeAsync(Guid staffMemberId, OfferView offer);

    Task OfferWithdrawnAsync(Guid staffMemberId, Guid offerId, Guid chatId, OfferWithdrawal reason);

    Task AvailabilityChangedAsync(Guid staffMemberId, AvailabilityChange change);

    /// <summary>The chat changed (claimed, missed, ended): to the shopper and, if there is one, to the expert.</summary>
    Task ChatChangedAsync(Guid shopperId, Guid? expertId, ChatView chat);

    Task MessagePostedAsync(Guid shopperId, Guid? expertId, MessageView message);

    Task IdleWarningAsync(Guid shopperId, Guid? expertId, Guid chatId, DateTimeOffset endsAt);

    /// <summary>One side is typing: to the other side only.</summary>
    Task TypingAsync(Guid shopperId, Guid? expertId, TypingView typing);

    /// <summary>One side has read further: to the other side only.</summary>
    Task ReadAsync(Guid shopperId, Guid? expertId, ReadView read);

    /// <summary>
    /// A chat changed in a way only staff see (started, priority, archive, moved, reassigned, blocked): to the expert
    /// holding it (`chatUpdated` with the chat id) and the inbox circuits.
    /// </summary>
    Task ChatUpdatedAsync(Guid chatId, Guid? expertId);

    /// <summary>An internal note: to the expert holding the chat and the inbox; each mentioned teammate also gets `mentioned`. Never to the shopper.</summary>
    Task NotePostedAsync(Guid? expertId, MessageView note, IReadOnlyCollection<Guid> mentioned);

    /// <summary>The shopper came online or left the site: to the expert holding the chat (`shopperPresence`) and the inbox.</summary>
    Task ShopperPresenceAsync(Guid chatId, Guid? expertId, bool online);

    /// <summary>A teammate connected or disconnected (Store App or inbox): the inbox team panels reload.</summary>
    Task TeamChangedAsync(Guid staffMemberId);
}
