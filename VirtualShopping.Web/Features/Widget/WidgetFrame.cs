using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Operations;

namespace VirtualShopping.Web.Features.Widget;

/// <summary>
/// GET /widget/frame?key=&amp;lang=&amp;origin=: the chat UI's document, framed by the merchant's page. Only the
/// merchant's allowed origins may frame it (frame-ancestors), and the page that asks must be one of them (the
/// frame posts its messages to that origin). Its own strict policy: our scripts and styles only, images and
/// video from blob: URLs, sockets to this app's public host only (never the request's Host, which a caller chooses).
/// </summary>
public static class WidgetFrame
{
    public const string Path = "/widget/frame";

    private const string Document = "widget/chat.html";

    public static void MapWidgetFrame(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, async (string? key, string? lang, string? origin, HttpContext http, WidgetConfigurationService widgets,
                IWebHostEnvironment environment, IOptions<PublicAppOptions> publicApp, CancellationToken ct) =>
            {
                var loaded = string.IsNullOrEmpty(key) ? null : await widgets.LoadAsync(key, lang, ct);
                if (loaded is not { } found)
                {
                    return ChatResults.UnknownKeyProblem();
                }

                var ancestors = found.AllowedOrigins.Where(SafeUrl.IsOrigin).Select(SafeUrl.NormalizeOrigin).Distinct().ToList();
                if (!SafeUrl.IsListedOrigin(ancestors, origin))
                {
                    return Results.Problem(
                        "This site is not allowed to show the chat. Add it to the allowed origins in On-site chat settings.",
                        statusCode: StatusCodes.Status403Forbidden, title: "Origin not allowed");
                }

                var file = environment.WebRootFileProvider.GetFileInfo(Document);
                if (!file.Exists)
                {
                    return Results.Problem("The chat is not built. Run the widget build (VirtualShopping.Web/Widget).", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Chat unavailable");
                }

                string html;
                await using (var stream = file.CreateReadStream())
                using (var reader = new StreamReader(stream, Encoding.UTF8))
                {
                    html = await reader.ReadToEndAsync(ct);
                }

                // The document speaks the language the configuration resolved (one of the merchant's, so safe in an attribute).
                html = html.Replace("<html lang=\"en\">", $"<html lang=\"{found.Configuration.Language}\">", StringComparison.Ordinal);

                // Its script and styles by content version, so browsers keep them (WidgetAssetHeaders) until a new build.
                foreach (var asset in Assets)
                {
                    html = html.Replace($"\"/{asset}\"", $"\"/{asset}?v={Version(environment, asset)}\"", StringComparison.Ordinal);
                }

                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = Policy(publicApp.Value.PublicBaseUri, ancestors);
                headers["Cross-Origin-Embedder-Policy"] = "require-corp";
                headers["Cross-Origin-Resource-Policy"] = "cross-origin";
                headers.CacheControl = "no-cache";
                return Results.Content(html, "text/html; charset=utf-8");
            })
            .AllowAnonymous().ExcludeFromDescription().WithName("GetWidgetFrame");

    private static readonly string[] Assets = ["widget/chat.js", "widget/chat.css"];

    private static readonly ConcurrentDictionary<string, (DateTimeOffset Modified, long Length, string Version)> Versions = new(StringComparer.Ordinal);

    /// <summary>A short hash of a web root file's content, recomputed when the file changes.</summary>
    private static string Version(IWebHostEnvironment environment, string path)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(path);
        if (!file.Exists)
        {
            return "0";
        }

        if (Versions.TryGetValue(path, out var known) && known.Modified == file.LastModified && known.Length == file.Length)
        {
            return known.Version;
        }

        using var stream = file.CreateReadStream();
        var version = Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
        Versions[path] = (file.LastModified, file.Length, version);
        return version;
    }

    /// <summary>The frame's Content-Security-Policy.</summary>
    public static string Policy(Uri publicBase, IReadOnlyList<string> ancestors)
    {
        ArgumentNullException.ThrowIfNull(publicBase);
        var socket = publicBase.Scheme == Uri.UriSchemeHttps ? $"wss://{publicBase.Authority}" : $"ws://{publicBase.Authority} wss://{publicBase.Authority}";
        return string.Join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' blob: data: https:", // product cards: merchants' images from their own hosts, over https only
            "media-src 'self' blob:",
            $"connect-src 'self' {socket}",
            $"frame-ancestors {(ancestors.Count == 0 ? "'none'" : string.Join(' ', ancestors))}",
            "base-uri 'none'",
            "form-action 'none'");
    }
}
