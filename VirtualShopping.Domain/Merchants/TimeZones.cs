namespace VirtualShopping.Domain.Merchants;

/// <summary>The IANA time zones people can pick (Area/City names, no legacy aliases).</summary>
public static class TimeZones
{
    public static IReadOnlyList<string> All { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id)
        .Where(id => id.Contains('/', StringComparison.Ordinal) && !id.StartsWith("Etc/", StringComparison.Ordinal))
        .Append("UTC")
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    private static readonly HashSet<string> Known = All.ToHashSet(StringComparer.Ordinal);

    public static bool IsKnown(string? id) => id is not null && Known.Contains(id);
}
