namespace VirtualShopping.Domain.Products;

/// <summary>What a feed row's position counts: lines of a CSV/TSV file (the header is line 1) or items of an XML feed.</summary>
public enum FeedPositionKind
{
    Line,
    Item,
}
