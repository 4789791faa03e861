namespace VirtualShopping.Domain.Chats;

/// <summary>Why a claim is refused; <see cref="None"/> when it may go ahead.</summary>
public enum ClaimRefusal
{
    None = 0,

    /// <summary>A colleague claimed the chat first.</summary>
    TakenByColleague = 1,

    /// <summary>The countdown or the claim period ran out.</summary>
    Expired = 2,

    /// <summary>The expert already declined it, or it was already claimed by them.</summary>
    AlreadyAnswered = 3,

    /// <summary>The expert holds as many chats as the merchant allows.</summary>
    AtChatLimit = 4,

    /// <summary>The shopper left, or the chat was missed.</summary>
    ChatOver = 5,
}
