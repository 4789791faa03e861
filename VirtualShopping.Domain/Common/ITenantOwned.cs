namespace VirtualShopping.Domain.Common;

/// <summary>A row that belongs to exactly one merchant (tenant).</summary>
public interface ITenantOwned
{
    Guid MerchantId { get; }
}
