namespace VirtualShopping.Domain.Products;

/// <summary>
/// One product row as a feed reader found it, before any rule: the Google attribute names without prefix, lower case
/// (<see cref="FeedAttributes"/>), to their text. <paramref name="Position"/> is the line number (CSV/TSV, 1-based,
/// the header is line 1) or the item number (XML, 1-based); <see cref="Kind"/> says which.
/// </summary>
public sealed record RawFeedRow(int Position, IReadOnlyDictionary<string, string?> Fields)
{
    /// <summary>The key a reader adds when a field or the row was too long to keep (the rest of the row may be cut).</summary>
    public const string TooLongMarker = "#too_long";

    public FeedPositionKind Kind { get; init; } = FeedPositionKind.Line;

    public bool IsTooLong => Fields.ContainsKey(TooLongMarker);

    public string? this[string attribute] => Fields.TryGetValue(attribute, out var value) ? value : null;

    /// <summary>"line 12" or "item 12".</summary>
    public static string Describe(FeedPositionKind kind, int position) =>
        $"{(kind == FeedPositionKind.Item ? "item" : "line")} {position}";
}
