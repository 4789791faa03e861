namespace VirtualShopping.Domain.Products;

/// <summary>What a feed says about a product, as stored: a <see cref="Product"/>'s values, and a staged feed row's while its import runs.</summary>
public abstract class ProductFeedValues
{
    /// <summary>The feed's id, unique per merchant.</summary>
    public required string ExternalId { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public required string Link { get; set; }

    public string? ImageLink { get; set; }

    public decimal Price { get; set; }

    /// <summary>ISO 4217, of the price and the sale price.</summary>
    public required string Currency { get; set; }

    public decimal? SalePrice { get; set; }

    /// <summary>As the feed said.</summary>
    public ProductAvailability Availability { get; set; }

    public string? Brand { get; set; }

    public string? Gtin { get; set; }

    public string? Mpn { get; set; }

    public string? Condition { get; set; }

    public string? ProductType { get; set; }

    /// <summary>Variants of one product share it.</summary>
    public string? ItemGroupId { get; set; }

    public string? Color { get; set; }

    public string? Size { get; set; }

    /// <summary>A hash of the feed's values (see <see cref="ProductContentHash"/>): an unchanged row costs no UPDATE.</summary>
    public required string ContentHash { get; set; }

    /// <summary>Sets every value from a feed item, the hash included.</summary>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    protected ProductFeedValues(ProductFeedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ExternalId = item.Id;
        Title = item.Title;
        Description = item.Description;
        Link = item.Link;
        ImageLink = item.ImageLink;
        Price = item.Price.Amount;
        Currency = item.Price.Currency;
        SalePrice = item.SalePrice?.Amount;
        Availability = item.Availability;
        Brand = item.Brand;
        Gtin = item.Gtin;
        Mpn = item.Mpn;
        Condition = item.Condition;
        ProductType = item.ProductType;
        ItemGroupId = item.ItemGroupId;
        Color = item.Color;
        Size = item.Size;
        ContentHash = ProductContentHash.Of(item);
    }

    protected ProductFeedValues()
    {
    }
}
