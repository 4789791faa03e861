namespace VirtualShopping.Domain.Chats;

/// <summary>Why the shopper left a message instead of chatting.</summary>
public enum LeftMessageReason
{
    /// <summary>Nobody claimed the chat within the claim period.</summary>
    MissedChat = 0,

    /// <summary>No store serving the need was open.</summary>
    OutOfHours = 1,
}
