namespace VirtualShopping.Domain.Chats;

/// <summary>Where a chat is: waiting for an expert to claim it, being answered, or over.</summary>
public enum ChatStatus
{
    /// <summary>Offers are going out; nobody has claimed it yet.</summary>
    Waiting = 0,

    /// <summary>An expert claimed it and is chatting with the shopper.</summary>
    Active = 1,

    /// <summary>Ended by the shopper, the expert or the idle timeout.</summary>
    Ended = 2,

    /// <summary>Nobody claimed it within the claim period; the shopper may leave a message.</summary>
    Missed = 3,
}
