namespace VirtualShopping.Domain.Chats;

/// <summary>How an answer to a left message reaches the shopper.</summary>
public enum ReplyChannel
{
    Email = 0,
    Sms = 1,
}
