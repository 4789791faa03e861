namespace VirtualShopping.Infrastructure.Tenancy;

/// <summary>
/// The merchant whose data the current operation may see: the signed-in user's, or one set
/// explicitly by an anonymous widget call or a background job. Also who is acting, for the audit log.
/// </summary>
public interface ICurrentMerchant
{
    Guid? MerchantId { get; }

    /// <summary>The staff member making changes, when a person is.</summary>
    Guid? ActorStaffId => null;

    /// <summary>The name the audit log shows for whoever makes changes.</summary>
    string ActorName => "System";
}
