using System.Security.Claims;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Authorization;

/// <summary>Turns a staff member into the claims the policies read, whichever way they signed in.</summary>
public static class StaffClaims
{
    public static IEnumerable<Claim> For(StaffMember staff, string merchantName)
    {
        yield return new Claim(VirtualShoppingClaims.MerchantId, staff.MerchantId.ToString());
        yield return new Claim(VirtualShoppingClaims.MerchantName, merchantName);
        yield return new Claim(VirtualShoppingClaims.StaffMemberId, staff.Id.ToString());
        yield return new Claim(ClaimTypes.Name, staff.DisplayName);
        yield return new Claim(ClaimTypes.Email, staff.Email);
        foreach (var role in Enum.GetValues<StaffRoles>().Where(r => r != StaffRoles.None && staff.Roles.HasFlag(r)))
        {
            yield return new Claim(ClaimTypes.Role, role.ToString());
        }

        foreach (var access in new[] { DashboardAccess.Analytics, DashboardAccess.ManageTeam, DashboardAccess.ManageStore, DashboardAccess.Settings }
                     .Where(a => staff.EffectiveAccess.HasFlag(a)))
        {
            yield return new Claim(VirtualShoppingClaims.Access, access.ToString());
        }
    }

    public static bool HasAccess(this ClaimsPrincipal user, DashboardAccess access) =>
        user.HasClaim(VirtualShoppingClaims.Access, access.ToString());

    public static bool HasRole(this ClaimsPrincipal user, StaffRoles role) => user.IsInRole(role.ToString());

    public static Guid? StaffMemberId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(VirtualShoppingClaims.StaffMemberId)?.Value, out var id) ? id : null;
}
