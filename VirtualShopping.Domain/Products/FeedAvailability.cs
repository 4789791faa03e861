namespace VirtualShopping.Domain.Products;

/// <summary>Reads a feed's availability: <c>in_stock</c>, <c>out_of_stock</c>, <c>preorder</c>, <c>backorder</c>, in any case, with a space instead of the underscore as Google accepts ("in stock").</summary>
public static class FeedAvailability
{
    public static bool TryParse(string? text, out ProductAvailability availability)
    {
        availability = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        ProductAvailability? parsed = text.Trim().Replace(' ', '_').ToUpperInvariant() switch
        {
            "IN_STOCK" => ProductAvailability.InStock,
            "OUT_OF_STOCK" => ProductAvailability.OutOfStock,
            "PREORDER" => ProductAvailability.Preorder,
            "BACKORDER" => ProductAvailability.Backorder,
            _ => null,
        };
        availability = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }
}
