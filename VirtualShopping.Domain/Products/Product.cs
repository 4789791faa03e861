using System.Diagnostics.CodeAnalysis;
using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Products;

/// <summary>
/// A merchant's product as its last complete feed import left it. Never deleted (conversations and orders refer to it):
/// a product missing from a complete import is no longer <see cref="InFeed"/> and then reads as unavailable everywhere.
/// </summary>
public sealed class Product : ProductFeedValues, ITenantOwned
{
    public Product()
    {
    }

    [SetsRequiredMembers]
    public Product(ProductFeedItem item)
        : base(item)
    {
    }

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    /// <summary>False once a complete import no longer had it; true again when one has it.</summary>
    public bool InFeed { get; set; } = true;

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? LastSeenInImportId { get; set; }

    /// <summary>What a shopper may be told: out of stock once the feed no longer has it.</summary>
    public ProductAvailability EffectiveAvailability => InFeed ? Availability : ProductAvailability.OutOfStock;
}
