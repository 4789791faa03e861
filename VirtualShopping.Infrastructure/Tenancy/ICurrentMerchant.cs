namespace VirtualShopping.Infrastructure.Tenancy;

/// <summary>
/// The merchant whose data the current operation may see: the signed-in user's, or one set
/// explicitly by an anonymous widget call or a background job.
/// </summary>
public interface ICurrentMerchant
{
    Guid? MerchantId { get; }
}
