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

    public static async Task<Guid?> MerchantOfKeyAsync(IServiceProvider services, string? publicKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(publicKey) || publicKey.Length > 64)
        {
            return null;
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync(cancellationToken);
        return await db.Merchants.Where(m => m.PublicWidgetKey == publicKey && m.IsActive).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(cancellationToken);
    }

    public static Guid ShopperOf(HttpContext http) => (Guid)http.Items[SessionItem]!;
}
