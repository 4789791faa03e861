using System.Globalization;

namespace VirtualShopping.Web.Features.Stores;

/// <summary>ISO 3166 countries known to .NET, as code and English name, for pickers.</summary>
public static class Countries
{
    public static IReadOnlyList<(string Code, string Name)> All { get; } = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
        .OfType<RegionInfo>()
        .Where(r => r.TwoLetterISORegionName.Length == 2 && char.IsAsciiLetter(r.TwoLetterISORegionName[0]))
        .GroupBy(r => r.TwoLetterISORegionName)
        .Select(g => (g.Key, g.First().EnglishName))
        .OrderBy(c => c.EnglishName, StringComparer.Ordinal)
        .ToList();

    private static readonly Dictionary<string, string> Names = All.ToDictionary(c => c.Code, c => c.Name, StringComparer.OrdinalIgnoreCase);

    public static bool IsKnown(string? code) => code is not null && Names.ContainsKey(code.Trim());

    public static string NameOf(string? code) => code is not null && Names.TryGetValue(code, out var name) ? name : code ?? string.Empty;
}
