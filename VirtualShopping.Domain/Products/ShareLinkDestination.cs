namespace VirtualShopping.Domain.Products;

/// <summary>
/// Where a share link (/p/{token}) sends the shopper: the product's own page with the campaign parameters analytics
/// tools read (utm_source=virtualshopping, utm_medium=the channel, utm_campaign=expert_share, utm_content=the token),
/// keeping the page's own query and fragment and replacing any utm_* parameter it already had.
/// </summary>
public static class ShareLinkDestination
{
    public const string Source = "virtualshopping";

    public const string Campaign = "expert_share";

    /// <summary>The product page with the share's parameters; null when the link is not an absolute http(s) URL.</summary>
    public static string? For(string? productLink, ShareChannel channel, string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (string.IsNullOrWhiteSpace(productLink)
            || !Uri.TryCreate(productLink, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        var link = productLink.Trim();
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash < 0 ? string.Empty : link[hash..];
        var beforeFragment = hash < 0 ? link : link[..hash];
        var question = beforeFragment.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? beforeFragment : beforeFragment[..question];
        var query = question < 0 ? string.Empty : beforeFragment[(question + 1)..];

        var kept = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !IsUtm(p));
        string[] ours =
        [
            "utm_source=" + Source,
            "utm_medium=" + channel.ToString().ToLowerInvariant(),
            "utm_campaign=" + Campaign,
            "utm_content=" + Uri.EscapeDataString(token),
        ];
        return path + "?" + string.Join('&', kept.Concat(ours)) + fragment;
    }

    private static bool IsUtm(string parameter)
    {
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        var name = Uri.UnescapeDataString(equals < 0 ? parameter : parameter[..equals]);
        return name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase);
    }
}
