using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Web.Features.Settings;

/// <summary>Settings URLs shoppers are sent to: the domain's <see cref="SafeUrl"/> rule and the message that explains it.</summary>
public static class HttpsUrl
{
    public const string Message = "Enter a full https:// address, e.g. https://www.example.com/page, without spaces, quotes or < > ` { } | \\ ^.";

    public static bool IsValid(string? value) => SafeUrl.IsHttps(value);
}
