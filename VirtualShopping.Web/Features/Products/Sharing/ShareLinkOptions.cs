using System.ComponentModel.DataAnnotations;

namespace VirtualShopping.Web.Features.Products;

/// <summary>The `ShareLinks` section: how often one client address may open share links (/p/{token}).</summary>
public sealed class ShareLinkOptions
{
    public const string Section = "ShareLinks";

    /// <summary>
    /// Share links one address may open per minute (default 60): enough for a shop's shared Wi-Fi, too few to guess
    /// tokens or flood the click table. Over it the link answers 429 with Retry-After and records nothing.
    /// </summary>
    [Range(1, 100_000)]
    public int IpOpensPerMinute { get; set; } = 60;
}
