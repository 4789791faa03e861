using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Authorization;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// For the Store App API: the bearer token's staff member must still be an active expert (a token outlives a
/// deactivation by up to an hour otherwise); the request works in their merchant's data.
/// </summary>
internal sealed class ExpertCallerFilter : IEndpointFilter
{
    private const string ExpertItem = "vs.expert";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var merchantId = MerchantScope.MerchantOf(http.User);
        var staffId = http.User.StaffMemberId();
        if (merchantId is null || staffId is null)
        {
            return Results.Problem("Sign in to the Store App again.", statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in");
        }

        http.RequestServices.GetRequiredService<MerchantScope>().Use(merchantId.Value);
        if (http.GetEndpoint()?.Metadata.GetMetadata<ActiveExpertCheckedInline>() is not null)
        {
            // The endpoint's own read or write refuses (403, same text) unless the caller is still an active expert: no query here.
            http.Items[ExpertItem] = (staffId.Value, string.Empty);
            return await next(context);
        }

        await using var db = await http.RequestServices.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync(http.RequestAborted);
        var expert = await db.StaffMembers.AsNoTracking().Where(s => s.Id == staffId).Select(s => new { s.Id, s.DisplayName, s.Status }).SingleOrDefaultAsync(http.RequestAborted);
        if (expert is null || expert.Status != StaffStatus.Active)
        {
            return Results.Problem("Your access has been removed. Ask your store manager.", statusCode: StatusCodes.Status403Forbidden, title: "No access");
        }

        http.Items[ExpertItem] = (expert.Id, expert.DisplayName);
        return await next(context);
    }

    public static (Guid Id, string Name) ExpertOf(HttpContext http) => ((Guid, string))http.Items[ExpertItem]!;
}

/// <summary>
/// Endpoint metadata: the endpoint checks itself that the caller is still an active expert, in the read or write it
/// makes anyway (a message through <see cref="ChatConversation.PostFromStoreAppAsync"/>, a claim through
/// <see cref="ChatRouter.ClaimAsync(Guid, string?, Guid, CancellationToken)"/>), so <see cref="ExpertCallerFilter"/>
/// does not query it first (the name from <see cref="ExpertCallerFilter.ExpertOf"/> is then empty).
/// </summary>
internal sealed class ActiveExpertCheckedInline
{
    public static readonly ActiveExpertCheckedInline Instance = new();
}
