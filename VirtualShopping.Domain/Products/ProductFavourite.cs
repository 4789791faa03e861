using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Products;

/// <summary>A product an expert starred: their favourites come first in their product picker. Per expert, never shared.</summary>
public sealed class ProductFavourite : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public Guid StaffMemberId { get; set; }

    public Guid ProductId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
