using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Authorization;

/// <summary>
/// For Entra ID sign-ins: finds the active staff member with the signed-in email and adds the same claims
/// a local sign-in gets. A person Entra knows but no merchant has invited gets no merchant, so no access.
/// </summary>
public sealed class EntraStaffClaimsTransformation(IDbContextFactory<VirtualShoppingDbContext> contexts) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == VirtualShoppingClaims.MerchantId))
        {
            return principal;
        }

        var email = principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue("email")
            ?? principal.FindFirstValue("preferred_username") ?? principal.FindFirstValue(ClaimTypes.Upn);
        if (string.IsNullOrWhiteSpace(email))
        {
            return principal;
        }

        await using var db = await contexts.CreateDbContextAsync();
        // Staff emails are stored lower-case (see StaffMember.NormalizeEmail).
        var normalized = StaffMember.NormalizeEmail(email);
        var staff = await db.StaffMembers.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Status == StaffStatus.Active && s.Email == normalized)
            .FirstOrDefaultAsync();
        if (staff is null)
        {
            return principal;
        }

        var merchant = await db.Merchants.AsNoTracking().SingleAsync(m => m.Id == staff.MerchantId);
        var clone = principal.Clone();
        ((ClaimsIdentity)clone.Identity!).AddClaims(StaffClaims.For(staff, merchant.Name).Where(c => c.Type != ClaimTypes.Name || !clone.HasClaim(x => x.Type == ClaimTypes.Name)));
        return clone;
    }
}
