namespace VirtualShopping.Web.Features.Chats;

/// <summary>The realtime pushes routing makes; implemented over the SignalR hubs.</summary>
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
}
