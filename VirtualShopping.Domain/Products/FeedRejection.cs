namespace VirtualShopping.Domain.Products;

/// <summary>A feed row that was not imported: where it is (line or item number), its id when it had one, and why in plain words.</summary>
public sealed record FeedRejection(int Position, string? ProductId, string Reason)
{
    /// <summary>Whether <see cref="Position"/> counts lines (CSV/TSV) or items (XML).</summary>
    public FeedPositionKind Kind { get; init; } = FeedPositionKind.Line;
}
