using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Authorization;

/// <summary>
/// Re-checks an open dashboard circuit every minute: a staff member who has been deactivated meanwhile, or
/// whose security stamp has changed (sign-out, password or role change), is signed out of the circuit
/// instead of keeping access until the cookie expires.
/// </summary>
public sealed class RevalidatingStaffAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    /// <summary>Whether the person behind a circuit's sign-in is still active and signed in with their current stamp.</summary>
    public async Task<bool> IsStillValidAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var staffId = user.StaffMemberId();
        if (staffId is null)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.StaffMembers.IgnoreQueryFilters().AnyAsync(s => s.Id == staffId && s.Status == StaffStatus.Active, cancellationToken))
            {
                return false;
            }
        }

        // Local accounts carry a security stamp; Entra ID sign-ins have none to compare.
        var users = scope.ServiceProvider.GetService<UserManager<ApplicationUser>>();
        if (users is null || !users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var account = await users.GetUserAsync(user);
        var stampClaim = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        return account is not null && user.FindFirstValue(stampClaim) == await users.GetSecurityStampAsync(account);
    }

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillValidAsync(authenticationState.User, cancellationToken);
}
