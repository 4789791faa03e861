using Microsoft.AspNetCore.Identity;

namespace VirtualShopping.Infrastructure.Identity;

/// <summary>A local sign-in account (used when Entra ID is not configured), tied to one staff member.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public Guid MerchantId { get; set; }

    public Guid StaffMemberId { get; set; }
}
