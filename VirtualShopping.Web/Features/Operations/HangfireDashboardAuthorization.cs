using Hangfire.Dashboard;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Web.Authorization;

namespace VirtualShopping.Web.Features.Operations;

/// <summary>Hangfire's own check, behind the endpoint's HqAdmin policy: only HQ admins see the jobs.</summary>
internal sealed class HangfireDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User.HasRole(StaffRoles.HqAdmin);
}
