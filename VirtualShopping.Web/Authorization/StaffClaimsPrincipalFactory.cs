using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Authorization;

/// <summary>Adds the merchant, roles and dashboard access of the user's staff member to a local sign-in.</summary>
public sealed class StaffClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    IOptions<IdentityOptions> options,
    VirtualShoppingDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var staff = await db.StaffMembers.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.Id == user.StaffMemberId);
        var merchant = await db.Merchants.AsNoTracking().SingleOrDefaultAsync(m => m.Id == user.MerchantId);
        if (staff is { CanSignIn: true } && merchant is { IsActive: true })
        {
            // People are shown (and audited) by their name, not by their sign-in email.
            foreach (var userName in identity.FindAll(identity.NameClaimType).ToList())
            {
                identity.RemoveClaim(userName);
            }

            identity.AddClaims(StaffClaims.For(staff, merchant.Name));
        }

        return identity;
    }
}
