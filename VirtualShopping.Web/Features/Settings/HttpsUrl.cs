namespace VirtualShopping.Web.Features.Settings;

/// <summary>Settings URLs shoppers are sent to: absolute and https only.</summary>
public static class HttpsUrl
{
    public const string Message = "Enter a full https:// address, e.g. https://www.example.com/page.";

    public static bool IsValid(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);
}
