using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>The result of a claim: the chat, or why not (null offer means no such offer for this expert).</summary>
public sealed record ClaimOutcome(ChatView? Chat, ClaimRefusal Refusal, bool OfferFound = true)
{
    public static ClaimOutcome NotFound { get; } = new(null, ClaimRefusal.None, OfferFound: false);

    /// <summary>What the losers of a claim race are told (also when their offer is withdrawn before their tap arrives).</summary>
    public const string ColleagueClaimedFirst = "A colleague claimed this chat first.";

    /// <summary>The caller is no longer an active expert (deactivated after their token was issued).</summary>
    public static ClaimOutcome Revoked { get; } = new(null, ClaimRefusal.None) { NoAccess = true };

    /// <summary>Refused because the caller lost their access; nothing was claimed.</summary>
    public bool NoAccess { get; private init; }

    /// <summary>What the expert is told when a claim is refused.</summary>
    public string Explanation => NoAccess ? ActiveExpertHubFilter.NoAccess : Refusal switch
    {
        ClaimRefusal.TakenByColleague => ColleagueClaimedFirst,
        ClaimRefusal.Expired => "The countdown for this chat ran out.",
        ClaimRefusal.AlreadyAnswered => "You already answered this offer.",
        ClaimRefusal.AtChatLimit => "You are already in as many chats as you can hold. Close one before claiming another.",
        ClaimRefusal.ChatOver => "The shopper is no longer waiting for this chat.",
        _ => string.Empty,
    };
}
