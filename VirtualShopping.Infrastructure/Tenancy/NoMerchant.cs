namespace VirtualShopping.Infrastructure.Tenancy;

/// <summary>No current merchant: tenant rows are invisible. Used at design time and for start-up work.</summary>
public sealed class NoMerchant : ICurrentMerchant
{
    public Guid? MerchantId => null;
}
