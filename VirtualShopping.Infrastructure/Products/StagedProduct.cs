using VirtualShopping.Domain.Products;

namespace VirtualShopping.Infrastructure.Products;

/// <summary>
/// A feed item held while its import reads the rest of the feed: a feed is complete, so nothing is applied to the
/// products until the whole feed has been read and found sound. Keyed by import and feed id (the last row of an id
/// wins); deleted once the import is applied or has failed. <see cref="Id"/> becomes the product's id if it is new.
/// </summary>
public sealed class StagedProduct
{
    public Guid ImportId { get; set; }

    public Guid MerchantId { get; set; }

    public required string ExternalId { get; set; }

    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Title { get; set; }

    public string? Description { get; set; }

    public required string Link { get; set; }

    public string? ImageLink { get; set; }

    public decimal Price { get; set; }

    public required string Currency { get; set; }

    public decimal? SalePrice { get; set; }

    public ProductAvailability Availability { get; set; }

    public string? Brand { get; set; }

    public string? Gtin { get; set; }

    public string? Mpn { get; set; }

    public string? Condition { get; set; }

    public string? ProductType { get; set; }

    public string? ItemGroupId { get; set; }

    public string? Color { get; set; }

    public string? Size { get; set; }

    public required string ContentHash { get; set; }
}
