using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// For the widget's chat endpoints: the shopper's session must belong to the merchant named by the public
/// key in the route; the request then works in that merchant's data.
/// </summary>
internal sealed class ShopperSessionFilter : IEndpointFilter
{
    public const string SessionItem = "vs.shopper";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var publicKey = http.GetRouteValue("publicKey") as string;
        var merchantId = await MerchantOfKeyAsync(http.RequestServices, publicKey, http.RequestAborted);
        if (merchantId is null)
        {
            return ChatResults.UnknownKeyProblem();
        }

        if (ShopperSession.From(http.User) is not { } session || session.MerchantId != merchantId)
        {
            return Results.Problem("This shopper session belongs to another shop. Start a new session.", statusCode: StatusCodes.Status403Forbidden, title: "Wrong session");
        }

        http.RequestServices.GetRequiredService<MerchantScope>().Use(merchantId.Value);
        http.Items[SessionItem] = session.ShopperId;
        return await next(context);
    }

    /// <summary>The active merchant with this widget key, or null; known keys are remembered briefly (<see cref="WidgetKeys"/>).</summary>
    public static async Task<Guid?> MerchantOfKeyAsync(IServiceProvider services, string? publicKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (string.IsNullOrWhiteSpace(publicKey) || publicKey.Length > 64)
        {
            return null;
        }

        var keys = services.GetRequiredService<WidgetKeys>();
        if (keys.Find(publicKey) is { } known)
        {
            return known;
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync(cancellationToken);
        var merchantId = await db.Merchants.Where(m => m.PublicWidgetKey == publicKey && m.IsActive).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(cancellationToken);
        if (merchantId is { } found)
        {
            keys.Remember(publicKey, found);
        }

        return merchantId;
    }

    public static Guid ShopperOf(HttpContext http) => (Guid)http.Items[SessionItem]!;
}
