using Microsoft.Extensions.Options;

namespace VirtualShopping.Web.Features.Widget;

/// <summary>
/// The shopper's country for the widget's country rule, from the request header a trusted proxy sets
/// (setting Widget:CountryHeader, e.g. CF-IPCountry). Unknown (null) when no header is configured, the request
/// has none, or it holds no two-letter country (Cloudflare's XX and T1).
/// </summary>
public static class WidgetCountry
{
    public static string? Of(HttpRequest request, IOptions<WidgetOptions> options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Value.CountryHeader))
        {
            return null;
        }

        var value = request.Headers[options.Value.CountryHeader].ToString().Trim();
        return value.Length == 2 && value.All(char.IsAsciiLetter) && !value.Equals("XX", StringComparison.OrdinalIgnoreCase)
            ? value.ToUpperInvariant()
            : null;
    }

    /// <summary>Null when the country is unknown; otherwise whether the merchant's list (empty = everywhere) includes it.</summary>
    public static bool? IsAllowed(string? country, IReadOnlyCollection<string> countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        return country is null ? null : countries.Count == 0 || countries.Contains(country, StringComparer.OrdinalIgnoreCase);
    }
}
