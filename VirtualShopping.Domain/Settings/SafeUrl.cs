using System.Globalization;

namespace VirtualShopping.Domain.Settings;

/// <summary>
/// The one rule for URLs a merchant types into settings and that shoppers' browsers are sent to (widget links,
/// the expired-link page, the product feed, allowed origins): absolute https with a host, no user info, and
/// none of the characters that could break out of an HTML attribute, a script string or a header
/// (whitespace, control and invisible formatting characters, <c>" &lt; &gt; ` ' { } | \ ^</c>).
/// </summary>
public static class SafeUrl
{
    public const int MaxLength = 2000;

    /// <summary>Characters refused anywhere in a URL setting, even though some parsers would accept them.</summary>
    public const string ForbiddenCharacters = "\"<>`'{}|\\^";

    /// <summary>An absolute https URL with a host, safe to put into HTML, scripts and Location headers.</summary>
    public static bool IsHttps([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) =>
        HasOnlySafeCharacters(value)
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && !string.IsNullOrEmpty(uri.Host)
        && string.IsNullOrEmpty(uri.UserInfo);

    /// <summary>A web origin a widget may be embedded on: https (or http on a loopback address for local testing), no path or query.</summary>
    public static bool IsOrigin([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value)
    {
        if (!HasOnlySafeCharacters(value) || !Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
               && !string.IsNullOrEmpty(uri.Host) && string.IsNullOrEmpty(uri.UserInfo)
               && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
    }

    /// <summary>An origin as browsers send it and settings store it: trimmed, lower case, no trailing slash.</summary>
    public static string NormalizeOrigin(string origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return origin.Trim().TrimEnd('/').ToLowerInvariant();
    }

    /// <summary>Whether an Origin header names one of the listed origins (compared normalized).</summary>
    public static bool IsListedOrigin(IEnumerable<string> allowed, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? origin)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (string.IsNullOrWhiteSpace(origin))
        {
            return false;
        }

        var normalized = NormalizeOrigin(origin);
        return allowed.Any(a => NormalizeOrigin(a) == normalized);
    }

    /// <summary>Not empty, not too long, and free of whitespace, control, formatting and forbidden characters.</summary>
    public static bool HasOnlySafeCharacters([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && value.All(IsSafeCharacter);

    private static bool IsSafeCharacter(char c) =>
        !char.IsWhiteSpace(c) && !char.IsControl(c) && !ForbiddenCharacters.Contains(c, StringComparison.Ordinal)
        && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse);
}
