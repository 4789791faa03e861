using Microsoft.Net.Http.Headers;

namespace VirtualShopping.Web.Features.Widget;

/// <summary>
/// Headers of the widget's files under /widget (served by MapStaticAssets, which keeps their ETag): loadable by
/// merchants' pages, COEP require-corp ones included (Cross-Origin-Resource-Policy: cross-origin). loader.js sits
/// at a fixed address in every merchant's snippet, so browsers keep it 5 minutes, then revalidate by ETag; the
/// other files are kept for a year only when asked for with a version query (?v=...), else revalidated each time.
/// </summary>
public static class WidgetAssetHeaders
{
    public const string LoaderCacheControl = "public, max-age=300";

    public const string VersionedCacheControl = "public, max-age=31536000, immutable";

    /// <summary>For every response under /widget (the frame endpoint sets its own caching).</summary>
    public static void Apply(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        var path = context.Request.Path.Value ?? string.Empty;
        if (response.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status304NotModified)
            || !(path.EndsWith(".js", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".css", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".d.ts", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        response.Headers.CacheControl = path.EndsWith("/loader.js", StringComparison.OrdinalIgnoreCase) ? LoaderCacheControl
            : context.Request.Query.ContainsKey("v") ? VersionedCacheControl
            : "no-cache";
        response.Headers.Remove(HeaderNames.Expires);
    }
}
