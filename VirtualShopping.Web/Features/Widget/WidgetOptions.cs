namespace VirtualShopping.Web.Features.Widget;

/// <summary>Settings of the public widget API (section "Widget").</summary>
public sealed class WidgetOptions
{
    public const string Section = "Widget";

    /// <summary>
    /// The request header holding the shopper's country code, set by a trusted proxy in front of the app (e.g.
    /// CF-IPCountry behind Cloudflare). Empty: the country is unknown and the widget's country rule is not applied.
    /// </summary>
    public string CountryHeader { get; set; } = string.Empty;
}
