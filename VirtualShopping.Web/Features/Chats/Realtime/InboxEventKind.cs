namespace VirtualShopping.Web.Features.Chats;

/// <summary>What happened, for the dashboard inbox circuits of the merchant.</summary>
public enum InboxEventKind
{
    /// <summary>An offer (routing or transfer) to <see cref="InboxEvent.StaffMemberId"/>; payload <see cref="OfferView"/>.</summary>
    OfferMade,

    /// <summary>An offer to <see cref="InboxEvent.StaffMemberId"/> was withdrawn; payload <see cref="OfferWithdrawnView"/>.</summary>
    OfferWithdrawn,

    /// <summary><see cref="InboxEvent.StaffMemberId"/> went (un)available; payload <see cref="AvailabilityChange"/>.</summary>
    AvailabilityChanged,

    /// <summary>A chat changed state in a way both sides see (claimed, missed, ended); payload <see cref="ChatView"/>.</summary>
    ChatChanged,

    /// <summary>
    /// A chat changed in a way only staff see (started, priority, archive, moved, reassigned, shopper blocked); no
    /// payload: reload the chat. <see cref="InboxEvent.StaffMemberId"/> is the expert holding it, if any.
    /// </summary>
    ChatUpdated,

    /// <summary>A message (any kind, notes and cart events included); payload <see cref="MessageView"/>.</summary>
    MessagePosted,

    /// <summary>One side is typing; payload <see cref="TypingView"/>.</summary>
    Typing,

    /// <summary>One side read further; payload <see cref="ReadView"/>.</summary>
    Read,

    /// <summary>The idle warning went out; payload the instant the chat ends (<see cref="DateTimeOffset"/>).</summary>
    IdleWarning,

    /// <summary>The shopper came online or left the site; payload <see cref="bool"/> (online).</summary>
    ShopperPresence,

    /// <summary><see cref="InboxEvent.StaffMemberId"/> was mentioned in a note; payload the note's <see cref="MessageView"/>.</summary>
    Mentioned,

    /// <summary>A teammate connected or disconnected (Store App or inbox): the team panel reloads. No payload.</summary>
    TeamChanged,
}
