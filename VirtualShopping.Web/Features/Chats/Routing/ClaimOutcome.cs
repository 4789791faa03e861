using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>The result of a claim: the chat, or why not (null offer means no such offer for this expert).</summary>
public sealed record ClaimOutcome(ChatView? Chat, ClaimRefusal Refusal, bool OfferFound = true)
{
    public static ClaimOutcome NotFound { get; } = new(null, ClaimRefusal.None, OfferFound: false);

    /// <summary>What the expert is told when a claim is refused.</summary>
    public string Explanation => Refusal switch
    {
        ClaimRefusal.TakenByColleague => "A colleague claimed this chat first.",
        ClaimRefusal.Expired => "The countdown for this chat ran out.",
        ClaimRefusal.AlreadyAnswered => "You already answered this offer.",
        ClaimRefusal.AtChatLimit => "You are already in as many chats as you can hold. Close one before claiming another.",
        ClaimRefusal.ChatOver => "The shopper is no longer waiting for this chat.",
        _ => string.Empty,
    };
}
