using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Authorization;

/// <summary>
/// Re-checks an open dashboard circuit every minute: a staff member who has been deactivated
/// meanwhile is signed out of the circuit instead of keeping access until the cookie expires.
/// </summary>
public sealed class RevalidatingStaffAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var staffId = authenticationState.User.StaffMemberId();
        if (staffId is null)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StaffMembers.IgnoreQueryFilters()
            .AnyAsync(s => s.Id == staffId && s.Status == StaffStatus.Active, cancellationToken);
    }
}
