namespace VirtualShopping.Domain.Orders;

/// <summary>An order as a sender gives it (the order API's JSON, a mapped Shopify order, a widget purchase), unchecked; <see cref="OrderRules.Read"/> checks it.</summary>
public sealed record OrderSubmission
{
    /// <summary>The merchant's order id.</summary>
    public string? Id { get; init; }

    /// <summary>ISO 4217, e.g. EUR.</summary>
    public string? Currency { get; init; }

    /// <summary>Before tax and shipping: the revenue attribution counts.</summary>
    public decimal? Subtotal { get; init; }

    public decimal? Total { get; init; }

    public decimal? Tax { get; init; }

    public decimal? Shipping { get; init; }

    /// <summary>When the shopper placed it; when it arrived if not given.</summary>
    public DateTimeOffset? PlacedAt { get; init; }

    /// <summary>The widget session's shopper id (VirtualShopping.shopperId() in the page).</summary>
    public Guid? ShopperId { get; init; }

    /// <summary>The vs_browser cookie's value that share links set.</summary>
    public string? BrowserId { get; init; }

    /// <summary>The shopper's email: only its hash is kept.</summary>
    public string? Email { get; init; }

    /// <summary>A share link token the order carried (utm_content).</summary>
    public string? ShareToken { get; init; }
}
