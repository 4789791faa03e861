using System.Security.Cryptography;

namespace VirtualShopping.Web.Features.Operations;

/// <summary>
/// Security headers on every response: no MIME sniffing, no full referrer to other sites, no framing (pages,
/// API and the jobs dashboard alike), and a Content-Security-Policy. The dashboard's policy allows its own
/// scripts only (no eval, no inline script but the import map, which carries a per-request nonce), inline
/// styles (MudBlazor sets style attributes) and its own WebSocket for the Blazor circuit. The widget's
/// embeddable assets under /widget are left loadable by merchants' pages.
/// </summary>
public static class SecurityHeaders
{
    public const string WidgetAssetsPath = "/widget";

    private static readonly object NonceKey = new();
    private static readonly object OwnPolicyKey = new();

    /// <summary>The nonce this response's policy allows for inline script (the import map).</summary>
    public static string ScriptNonce(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[NonceKey] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    /// <summary>
    /// Gives this response a policy of its own instead of the usual one: a served chat attachment is sandboxed; the
    /// demo shop, standing in for a merchant's site, sends the strict policy the README asks merchants for.
    /// </summary>
    public static void UsePolicy(HttpContext context, string policy)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[OwnPolicyKey] = policy;
    }

    public static void UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context);
                return Task.CompletedTask;
            });
            return next(context);
        });

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        var path = context.Request.Path;
        if (path.StartsWithSegments(WidgetAssetsPath, StringComparison.OrdinalIgnoreCase))
        {
            Widget.WidgetAssetHeaders.Apply(context);
            return;
        }

        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = context.Items[OwnPolicyKey] as string ?? (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            ? "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
            : DashboardPolicy(context));
    }

    private static string DashboardPolicy(HttpContext context)
    {
        var host = context.Request.Host.Value;
        return string.Join("; ",
            "default-src 'self'",
            $"script-src 'self' 'nonce-{ScriptNonce(context)}'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob: https:", // merchants' product images, from their own hosts, over https only
            "font-src 'self' data:",
            $"connect-src 'self' wss://{host} ws://{host}",
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'self'");
    }
}
