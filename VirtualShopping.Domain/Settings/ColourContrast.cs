using System.Globalization;

namespace VirtualShopping.Domain.Settings;

/// <summary>WCAG 2.1 colour contrast for #RRGGBB colours: AA needs 4.5:1 for text.</summary>
public static class ColourContrast
{
    public const double AaNormalText = 4.5;

    public static bool IsHexColour(string? value) =>
        value is { Length: 7 } && value[0] == '#' && value[1..].All(char.IsAsciiHexDigit);

    public static double Ratio(string foreground, string background)
    {
        var a = Luminance(foreground);
        var b = Luminance(background);
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    /// <summary>The better of white or near-black text on this background.</summary>
    public static string TextOn(string background) => Ratio("#FFFFFF", background) >= Ratio("#1D1B2E", background) ? "#FFFFFF" : "#1D1B2E";

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }
}
