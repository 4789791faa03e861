namespace VirtualShopping.Domain.Products;

/// <summary>The Google Merchant Center attributes a product feed row is read for (names without the <c>g:</c> prefix).</summary>
public static class FeedAttributes
{
    public const string Id = "id";
    public const string Title = "title";
    public const string Description = "description";
    public const string Link = "link";
    public const string ImageLink = "image_link";
    public const string Price = "price";
    public const string SalePrice = "sale_price";
    public const string Availability = "availability";
    public const string Brand = "brand";
    public const string Gtin = "gtin";
    public const string Mpn = "mpn";
    public const string Condition = "condition";
    public const string ProductType = "product_type";
    public const string ItemGroupId = "item_group_id";
    public const string Color = "color";
    public const string Size = "size";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Id, Title, Description, Link, ImageLink, Price, SalePrice, Availability, Brand, Gtin, Mpn, Condition, ProductType,
        ItemGroupId, Color, Size,
    };
}
