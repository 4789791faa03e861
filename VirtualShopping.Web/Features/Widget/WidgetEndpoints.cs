using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Web.Errors;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Web.Features.Widget;

/// <summary>
/// The public widget API: GET /api/v1/widget/{publicKey}/config. Anonymous, cached by ETag, and
/// readable cross-origin only from the merchant's allowed origins.
/// </summary>
public static class WidgetEndpoints
{
    public static void MapWidgetEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/widget").WithTags("Widget").AllowAnonymous().RejectUndefinedEnums();

        group.MapGet("/{publicKey}/config", async (string publicKey, string? lang, HttpContext http, WidgetConfigurationService widgets, IOptions<JsonOptions> json, IOptions<WidgetOptions> options, CancellationToken ct) =>
        {
            // Loaded by the loader on the merchant's page, which may be cross-origin isolated (COEP require-corp).
            http.Response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
            var loaded = await widgets.LoadAsync(publicKey, lang, WidgetCountry.Of(http.Request, options), ct);
            if (loaded is not { } found)
            {
                return ChatResults.UnknownKeyProblem();
            }

            if (!AllowOrigin(http, found.AllowedOrigins))
            {
                return Results.Problem("This site is not allowed to load the chat. Add it to the allowed origins in On-site chat settings.", statusCode: StatusCodes.Status403Forbidden, title: "Origin not allowed");
            }

            var body = JsonSerializer.SerializeToUtf8Bytes(found.Configuration, json.Value.SerializerOptions);
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
            http.Response.Headers.ETag = etag.ToString();
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers.Vary = string.IsNullOrWhiteSpace(options.Value.CountryHeader) ? "Origin, Accept-Language" : $"Origin, Accept-Language, {options.Value.CountryHeader}";
            if (http.Request.GetTypedHeaders().IfNoneMatch.Any(e => e.Compare(etag, useStrongComparison: false) || e.Equals(EntityTagHeaderValue.Any)))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return Results.Bytes(body, "application/json; charset=utf-8");
        }).WithName("GetWidgetConfiguration");

        group.MapGet("/{publicKey}/assets/{kind}", async (string publicKey, VirtualShopping.Domain.Settings.ChatAssetKind kind, HttpContext http, WidgetConfigurationService widgets, CancellationToken ct) =>
        {
            var asset = await widgets.FindAssetAsync(publicKey, kind, ct);
            if (asset is null)
            {
                return Results.Problem("There is no such image for this key.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
            }

            var etag = new EntityTagHeaderValue($"\"{asset.Sha256[..32]}\"");
            http.Response.Headers.CacheControl = "public, max-age=86400";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
            return Results.Bytes(asset.Content, asset.ContentType, entityTag: etag, lastModified: asset.UploadedAt);
        }).WithName("GetWidgetAsset");

        group.MapMethods("/{publicKey}/config", [HttpMethods.Options], async (string publicKey, HttpContext http, WidgetConfigurationService widgets, CancellationToken ct) =>
        {
            var loaded = await widgets.LoadAsync(publicKey, null, ct);
            if (loaded is null || !AllowOrigin(http, loaded.Value.AllowedOrigins))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            http.Response.Headers.AccessControlAllowMethods = "GET, OPTIONS";
            http.Response.Headers.AccessControlAllowHeaders = "If-None-Match, Accept-Language";
            http.Response.Headers.AccessControlMaxAge = "600";
            return Results.NoContent();
        }).ExcludeFromDescription();

        app.MapWidgetFrame();
    }

    /// <summary>No Origin header (not a browser cross-site call) is fine; otherwise it must be listed, and is echoed back.</summary>
    private static bool AllowOrigin(HttpContext http, IReadOnlyList<string> allowed)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        if (!SafeUrl.IsListedOrigin(allowed, origin))
        {
            return false;
        }

        http.Response.Headers.AccessControlAllowOrigin = origin;
        http.Response.Headers.AccessControlExposeHeaders = "ETag";
        return true;
    }
}
