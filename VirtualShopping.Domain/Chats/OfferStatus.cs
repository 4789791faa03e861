namespace VirtualShopping.Domain.Chats;

/// <summary>What became of an offer of a chat to one expert.</summary>
public enum OfferStatus
{
    /// <summary>Counting down on the expert's phone.</summary>
    Pending = 0,

    /// <summary>This expert claimed the chat.</summary>
    Claimed = 1,

    /// <summary>The expert declined it.</summary>
    Declined = 2,

    /// <summary>The countdown ran out without an answer (a missed offer).</summary>
    Expired = 3,

    /// <summary>A colleague claimed the chat, the shopper left or the chat was missed.</summary>
    Withdrawn = 4,
}
