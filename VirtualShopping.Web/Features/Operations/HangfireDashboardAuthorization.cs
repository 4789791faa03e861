using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;
using VirtualShopping.Web.Authorization;

namespace VirtualShopping.Web.Features.Operations;

/// <summary>
/// Hangfire's own check, behind the endpoint's Operator policy: the jobs of every merchant are for the people
/// who run the installation only, never for a merchant's staff as such.
/// </summary>
internal sealed class HangfireDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(http.User, Policies.Operator)).Succeeded;
    }
}
