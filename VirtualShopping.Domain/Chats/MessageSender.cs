namespace VirtualShopping.Domain.Chats;

/// <summary>Who wrote a message: the shopper, the expert, or VirtualShopping itself (joins, warnings, endings).</summary>
public enum MessageSender
{
    Shopper = 0,
    Expert = 1,
    System = 2,
}
