namespace VirtualShopping.Web.Features.Products;

/// <summary>What opening a share link came to.</summary>
public enum ShareLinkOutcome
{
    /// <summary>The share exists and is live: off to the product page (the click is recorded).</summary>
    Redirect,

    /// <summary>No share has this token (or it is not a token at all).</summary>
    Unknown,

    /// <summary>The expert (or the merchant) revoked the link.</summary>
    Revoked,
}

/// <param name="Destination">The product page with its utm parameters (Redirect only).</param>
/// <param name="HomeUrl">The merchant's site for the friendly page's button, when one is known.</param>
/// <param name="MerchantName">The merchant's name, only for a link of theirs (never for an unknown token).</param>
public sealed record ShareLinkVisit(ShareLinkOutcome Outcome, string? Destination, string? HomeUrl, string? MerchantName);
