namespace VirtualShopping.Domain.Chats;

/// <summary>Who or what ended a chat.</summary>
public enum ChatEndReason
{
    Shopper = 0,
    Expert = 1,
    Idle = 2,
}
