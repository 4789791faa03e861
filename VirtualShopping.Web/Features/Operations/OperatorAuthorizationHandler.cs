using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace VirtualShopping.Web.Features.Operations;

/// <summary>
/// <see cref="Authorization.Policies.Operator"/>: a signed-in person whose email is one of
/// `Operations:OperatorEmails`. Merchant roles (HQ admin included) neither grant it nor matter.
/// </summary>
internal sealed class OperatorAuthorizationHandler(IOptionsMonitor<OperationsOptions> options) : AuthorizationHandler<OperatorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperatorRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && options.CurrentValue.IsOperator(context.User.FindFirstValue(ClaimTypes.Email)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
