namespace VirtualShopping.Web.Features.Chats;

/// <summary>The names of the events the hubs push; the Store App and the widget listen for these.</summary>
public static class ChatHubEvents
{
    public const string OfferReceived = "offerReceived";
    public const string OfferWithdrawn = "offerWithdrawn";
    public const string AvailabilityChanged = "availabilityChanged";
    public const string ChatChanged = "chatChanged";
    public const string MessageReceived = "messageReceived";
    public const string IdleWarning = "idleWarning";
    public const string Typing = "typing";
    public const string Read = "read";

    /// <summary>Staff-only: a chat changed (priority, archive, moved, reassigned, blocked); payload { chatId }. Fetch it again.</summary>
    public const string ChatUpdated = "chatUpdated";

    /// <summary>Staff-only: the expert was @mentioned in an internal note; payload the note (a message of kind Note).</summary>
    public const string Mentioned = "mentioned";

    /// <summary>Staff-only: the shopper came online or left the site; payload { chatId, online }.</summary>
    public const string ShopperPresence = "shopperPresence";

    /// <summary>Sent once the server has registered a new connection: pushes flow from here on.</summary>
    public const string Ready = "ready";
}
