using Microsoft.AspNetCore.Cors.Infrastructure;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Cross-origin rules for the chat widget, which runs on the merchant's own site: a browser may call the
/// widget's chat endpoints and the shopper hub only from an origin listed in the merchant's On-site chat
/// settings. The merchant comes from the public key in the route, or (on the hub) from the session token.
/// No cookie authenticates a shopper: they carry their session token themselves.
/// </summary>
/// <remarks>
/// The shopper hub's preflights (before negotiate, and before each long-polling GET, POST and DELETE) carry
/// no token: a browser sends neither the Authorization header nor the hub's access_token on an OPTIONS
/// request (the negotiate URL has no token at all). So a preflight is answered for an origin that SOME active
/// merchant allows (<see cref="WidgetOrigins.AllowedByAnyMerchantAsync"/>). That admits nothing by itself: a
/// preflight only lets the browser send the real request, and the real request is checked against the
/// token's own merchant twice — its response carries Access-Control-Allow-Origin only for that merchant's
/// origins (so a page elsewhere cannot read it), and <see cref="ShopperHubOrigin"/> refuses it outright (403,
/// WebSockets included, which browsers never preflight) when it comes from any other site.
/// The hub allows credentials because the standard @microsoft/signalr browser client sends requests with
/// credentials by default; that is safe since the hub's policy authenticates the session token only, never a cookie.
/// The policy's reads ignore RequestAborted: an exception here would leave the answer without any CORS headers
/// (the CORS middleware adds them only once it has a policy), and the client may abort a request while its policy is
/// read — the SignalR client cancels its pending long poll when it stops, which TestServer and proxies still answer.
/// The reads are small, and the one over every merchant runs at most once a second.
/// </remarks>
public sealed class WidgetCorsPolicyProvider(ShopperSessionTokens tokens, WidgetOrigins origins) : ICorsPolicyProvider
{
    public const string Policy = "widget";

    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (policyName != Policy)
        {
            return null;
        }

        var onHub = context.Request.Path.StartsWithSegments(ShopperHub.Path);
        var policy = new CorsPolicyBuilder()
            .WithHeaders("Authorization", "Content-Type", "X-Requested-With", "X-SignalR-User-Agent")
            .WithMethods(onHub ? ["GET", "POST", "DELETE", "OPTIONS"] : ["GET", "POST", "OPTIONS"])
            .WithExposedHeaders("Retry-After", "Location")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        if (onHub)
        {
            policy.AllowCredentials();
        }

        if (context.GetRouteValue("publicKey") is string key)
        {
            return await ForMerchantAsync(policy, context, await ShopperSessionFilter.MerchantOfKeyAsync(context.RequestServices, key, CancellationToken.None));
        }

        var origin = context.Request.Headers.Origin.ToString();
        if (onHub && IsPreflight(context.Request))
        {
            return origin.Length > 0 && await origins.AllowedByAnyMerchantAsync(context.RequestServices, origin, CancellationToken.None)
                ? policy.WithOrigins(origin).Build()
                : policy.Build();
        }

        return await ForMerchantAsync(policy, context, ShopperHubOrigin.MerchantOfToken(context.Request, tokens));
    }

    private static bool IsPreflight(HttpRequest request) =>
        HttpMethods.IsOptions(request.Method) && request.Headers.ContainsKey("Access-Control-Request-Method");

    private static async Task<CorsPolicy> ForMerchantAsync(CorsPolicyBuilder policy, HttpContext context, Guid? merchantId) =>
        merchantId is { } merchant
            ? policy.WithOrigins([.. await WidgetOrigins.OfMerchantAsync(context.RequestServices, merchant, CancellationToken.None)]).Build()
            : policy.Build();
}
