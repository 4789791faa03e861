using System.Security.Claims;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Web.Authorization;

namespace VirtualShopping.Web.Features.Staff;

/// <summary>Who is making a staff change: some changes only an HQ admin may make, and nobody may deactivate themselves.</summary>
public sealed record StaffActor(Guid? StaffMemberId, bool IsHqAdmin)
{
    public static StaffActor From(ClaimsPrincipal user) => new(user.StaffMemberId(), user.HasRole(StaffRoles.HqAdmin));
}
