using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Cross-origin rules for the chat widget, which runs on the merchant's own site: a browser may call the
/// widget's chat endpoints and the shopper hub only from an origin listed in the merchant's On-site chat
/// settings. The merchant comes from the public key in the route, or (on the hub) from the session token.
/// No cookies are involved: shoppers carry their session token themselves.
/// </summary>
public sealed class WidgetCorsPolicyProvider(ShopperSessionTokens tokens) : ICorsPolicyProvider
{
    public const string Policy = "widget";

    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (policyName != Policy)
        {
            return null;
        }

        var merchantId = context.GetRouteValue("publicKey") is string key
            ? await ShopperSessionFilter.MerchantOfKeyAsync(context.RequestServices, key, context.RequestAborted)
            : tokens.Read(context.Request.Query["access_token"].ToString() is { Length: > 0 } query ? query : ShopperSession.BearerToken(context.Request))?.MerchantId;
        var policy = new CorsPolicyBuilder()
            .WithHeaders("Authorization", "Content-Type", "X-Requested-With", "X-SignalR-User-Agent")
            .WithMethods("GET", "POST", "OPTIONS")
            .WithExposedHeaders("Retry-After", "Location")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        if (merchantId is null)
        {
            return policy.Build();
        }

        await using var db = await context.RequestServices.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync(context.RequestAborted);
        var origins = await db.ChatSettings.IgnoreQueryFilters().Where(c => c.MerchantId == merchantId).Select(c => c.AllowedOrigins).FirstOrDefaultAsync(context.RequestAborted) ?? [];
        return policy.WithOrigins([.. origins]).Build();
    }
}
