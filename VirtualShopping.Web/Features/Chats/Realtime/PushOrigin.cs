namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The hub connection a message was sent over, for this request (scoped). That connection has the stored message
/// as its call's answer, so its own push is left out; the sender's other tabs and devices still get it.
/// </summary>
public sealed class PushOrigin
{
    /// <summary>The shopper hub connection that sent the message, if it came over that hub.</summary>
    public string? ShopperConnectionId { get; set; }

    /// <summary>The expert hub connection that sent the message, if it came over that hub.</summary>
    public string? ExpertConnectionId { get; set; }
}
