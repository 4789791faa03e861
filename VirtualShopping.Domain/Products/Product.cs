using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Products;

/// <summary>
/// A merchant's product as its last complete feed import left it. Never deleted (conversations and orders refer to it):
/// a product missing from a complete import is no longer <see cref="InFeed"/> and then reads as unavailable everywhere.
/// </summary>
public sealed class Product : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

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

    /// <summary>As the feed said; read <see cref="EffectiveAvailability"/> for what a shopper may be told.</summary>
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

    /// <summary>False once a complete import no longer had it; true again when one has it.</summary>
    public bool InFeed { get; set; } = true;

    /// <summary>A hash of the feed's values (see <see cref="ProductContentHash"/>): an unchanged row costs no UPDATE.</summary>
    public required string ContentHash { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? LastSeenInImportId { get; set; }

    /// <summary>Out of stock once the feed no longer has it.</summary>
    public ProductAvailability EffectiveAvailability => InFeed ? Availability : ProductAvailability.OutOfStock;
}
