namespace VirtualShopping.Web.Features.Chats;

/// <summary>Why an offer left the expert's screen.</summary>
public enum OfferWithdrawal
{
    /// <summary>A colleague claimed the chat first.</summary>
    ClaimedByColleague = 0,

    /// <summary>The countdown ran out; the chat moved on.</summary>
    Expired = 1,

    /// <summary>The shopper ended the chat or nobody claimed it in time.</summary>
    ChatClosed = 2,

    /// <summary>The expert went unavailable.</summary>
    WentUnavailable = 3,

    /// <summary>The chat moved to another department, or (a transfer offer) was handed to someone else.</summary>
    ChatMoved = 4,
}
