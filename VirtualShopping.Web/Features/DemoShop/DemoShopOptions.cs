namespace VirtualShopping.Web.Features.DemoShop;

/// <summary>
/// The `DemoShop` section: a small merchant site for the demo merchant that embeds the chat widget exactly as
/// a merchant would. On only where configured (appsettings.Development.json turns it on), never in production.
/// </summary>
public sealed class DemoShopOptions
{
    public const string Section = "DemoShop";

    /// <summary>Whether the app serves the demo shop at all.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The origin the shop is served from, e.g. http://127.0.0.1:5032 while the app is http://localhost:5032:
    /// another origin (and another site) than the dashboard, as a merchant's shop is. Requests for the shop on
    /// any other origin are redirected there. Empty: served on whatever origin is asked.
    /// </summary>
    public string? Origin { get; set; }

    /// <summary>The shop's start page on its own origin (relative when no origin is configured).</summary>
    public string StartUrl => (Origin?.TrimEnd('/') ?? string.Empty) + DemoShopEndpoints.BasePath;
}
