using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Authorization;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// For the expert hub, what <see cref="ExpertCallerFilter"/> is for the Store App API: the token's staff member
/// must still be an active expert, when connecting and on every method call (a token outlives a deactivation).
/// </summary>
public sealed class ActiveExpertHubFilter(IDbContextFactory<VirtualShoppingDbContext> contexts) : IHubFilter
{
    public const string NoAccess = "Your access has been removed. Ask your store manager.";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);

        // A message is refused by the writer itself when the chat's expert is no longer an active expert (same answer),
        // in the transaction that stores it, and a claim in the claim's own read: no query of their own here.
        if (invocationContext.HubMethodName is not (nameof(ExpertHub.SendMessage) or nameof(ExpertHub.ClaimOffer)))
        {
            await EnsureActiveAsync(invocationContext.Context);
        }

        return await next(invocationContext);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await EnsureActiveAsync(context.Context);
        await next(context);
    }

    private async Task EnsureActiveAsync(HubCallerContext caller)
    {
        var merchantId = MerchantScope.MerchantOf(caller.User);
        var staffId = caller.User?.StaffMemberId();
        await using var db = await contexts.CreateDbContextAsync(caller.ConnectionAborted);
        var active = merchantId is not null && staffId is not null && await db.StaffMembers.IgnoreQueryFilters()
            .AnyAsync(s => s.Id == staffId && s.MerchantId == merchantId && s.Status == StaffStatus.Active && s.Roles.HasFlag(StaffRoles.Expert), caller.ConnectionAborted);
        if (!active)
        {
            throw new HubException(NoAccess);
        }
    }
}
