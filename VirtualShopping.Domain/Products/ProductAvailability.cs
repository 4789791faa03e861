namespace VirtualShopping.Domain.Products;

/// <summary>Google Merchant Center's availability values.</summary>
public enum ProductAvailability
{
    InStock,
    OutOfStock,
    Preorder,
    Backorder,
}
