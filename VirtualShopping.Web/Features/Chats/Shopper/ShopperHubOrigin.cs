using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Refuses (403 problem) every request to the shopper hub — negotiate, WebSockets, Server-Sent Events and long
/// polling — whose Origin header names a site that is neither this app (the chat frame) nor one of the allowed
/// origins of the merchant whose session token it carries. CORS alone would only hide the answers from such a
/// page; WebSockets are not subject to CORS at all. Requests without an Origin (not from a browser) pass on to the
/// hub's own token check.
/// </summary>
public static class ShopperHubOrigin
{
    public static TBuilder RequireShopperOrigin<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = async context =>
            {
                if (await AllowedAsync(context))
                {
                    await inner(context);
                    return;
                }

                await Results.Problem(
                    "This site may not open the chat. Add it to the allowed origins in On-site chat settings.",
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Origin not allowed").ExecuteAsync(context);
            };
        });
        return builder;
    }

    /// <summary>The merchant of the session token on a hub request: access_token (WebSockets, SSE) or the Authorization header.</summary>
    public static Guid? MerchantOfToken(HttpRequest request, ShopperSessionTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(tokens);
        var query = request.Query["access_token"].ToString();
        return tokens.Read(query.Length > 0 ? query : ShopperSession.BearerToken(request))?.MerchantId;
    }

    private static async Task<bool> AllowedAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || WidgetOrigins.IsSameOrigin(context.Request, origin))
        {
            return true;
        }

        var merchant = MerchantOfToken(context.Request, context.RequestServices.GetRequiredService<ShopperSessionTokens>());
        return merchant is { } id
            && (await WidgetOrigins.OfMerchantAsync(context.RequestServices, id, context.RequestAborted)).Contains(SafeUrl.NormalizeOrigin(origin));
    }
}
