using System.Globalization;

namespace VirtualShopping.Domain.Settings;

/// <summary>The languages the chat widget and its texts can be offered in (ISO 639-1 codes with their names).</summary>
public static class ChatLanguages
{
    public static IReadOnlyList<string> Codes { get; } = ["en", "fr", "fi", "de", "es", "sv", "nl", "it", "da", "nb", "pl", "pt"];

    public static bool IsSupported(string? code) => code is not null && Codes.Contains(code);

    /// <summary>The language's own name in English, e.g. "Finnish".</summary>
    public static string NameOf(string code) => CultureInfo.GetCultureInfo(code).EnglishName;
}
