using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Staff;

/// <summary>
/// An admin's invitation for a staff member to set a password and sign in. Only a hash of the
/// token is stored; the link is shown or mailed once.
/// </summary>
public sealed class StaffInvitation : ITenantOwned
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public Guid StaffMemberId { get; set; }

    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public bool IsUsableAt(DateTimeOffset instant) => AcceptedAt is null && instant < ExpiresAt;
}
