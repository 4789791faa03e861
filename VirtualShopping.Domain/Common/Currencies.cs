using System.Globalization;

namespace VirtualShopping.Domain.Common;

/// <summary>ISO 4217 currencies known to .NET's regions, with their English names: the merchant's currency, tracked prices and purchases.</summary>
public static class Currencies
{
    public static IReadOnlyList<(string Code, string Name)> All { get; } = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
        .OfType<RegionInfo>()
        .Where(r => r.ISOCurrencySymbol.Length == 3 && r.ISOCurrencySymbol.All(char.IsAsciiLetterUpper))
        .GroupBy(r => r.ISOCurrencySymbol)
        .Select(g => (g.Key, g.First().CurrencyEnglishName))
        .OrderBy(c => c.Key, StringComparer.Ordinal)
        .ToList();

    private static readonly HashSet<string> Codes = All.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code);

    public static string NameOf(string code) => All.FirstOrDefault(c => c.Code == code).Name ?? code;
}
