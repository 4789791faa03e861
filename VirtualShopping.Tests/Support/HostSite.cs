using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// A merchant's website on another origin than the app (its own Kestrel on another loopback port): pages
/// that embed the widget snippet exactly as the On-site chat page gives it, each with a different host:
/// <list type="bullet">
/// <item><c>/bare</c>: the snippet and nothing else;</item>
/// <item><c>/strict</c>: a strict policy (nonce-based script-src, no 'unsafe-inline' styles, no 'unsafe-eval')
/// allowing the app's origin exactly where the README says (script-src, connect-src, frame-src, img-src);</item>
/// <item><c>/coep</c>: cross-origin isolated (COEP require-corp, COOP same-origin);</item>
/// <item><c>/hostile</c>: CSS that resets and hides everything it can reach, buttons, iframes and fonts included.</item>
/// </list>
/// Every page takes <c>?key=</c> (the merchant's public key), <c>widget=0</c> to leave the snippet out
/// (to compare the host's own styles with and without the widget) and <c>lang=</c> (the page's lang, "en" by default), and has a probe paragraph, heading,
/// link and button whose computed styles tests compare.
/// </summary>
public sealed class HostSite : IAsyncDisposable
{
    /// <summary>CSS a careless (or hostile) merchant might ship: it must not reach into the widget.</summary>
    public const string HostileCss = """
        @font-face { font-family: Arial; src: local("Courier New"); }
        @font-face { font-family: "Helvetica Neue"; src: local("Courier New"); }
        * { all: unset; }
        html, body { display: block; font: 40px/3 "Comic Sans MS", cursive; color: #ff00ff; background: #00ff00; letter-spacing: 6px; }
        div, span, p, h1, h2, label, input, textarea, a { font-size: 40px !important; color: #ff00ff !important; text-transform: uppercase !important; }
        button { display: none !important; }
        iframe { display: none !important; width: 10px !important; height: 10px !important; opacity: 0 !important; border: 9px solid red !important; }
        div, section, aside, dialog { position: static !important; transform: scale(0.2) !important; z-index: -1 !important; box-sizing: content-box !important; }
        :host, ::slotted(*) { display: none !important; }
        body > div:last-of-type { visibility: hidden !important; }
        """;

    /// <summary>The host page's own look, which the widget's CSS must not change.</summary>
    public const string HostCss = """
        body { font-family: Georgia, serif; font-size: 18px; color: #222222; background: #fffdf5; margin: 24px; line-height: 1.6; }
        h1 { font-size: 32px; color: #123456; }
        .probe { font-size: 17px; color: #333333; letter-spacing: 1px; }
        button { font-size: 15px; padding: 6px 12px; background: #eeeeee; color: #111111; border: 1px solid #777777; border-radius: 3px; }
        a { color: #0b57d0; }
        """;

    private readonly WebApplication app;

    private HostSite(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The host site's origin, e.g. http://127.0.0.1:45123/ (never the app's).</summary>
    public Uri BaseAddress { get; }

    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    public string Url(string page, string key, bool widget = true, string? lang = null) =>
        new Uri(BaseAddress, $"{page}?key={Uri.EscapeDataString(key)}{(widget ? string.Empty : "&widget=0")}{(lang is null ? string.Empty : "&lang=" + Uri.EscapeDataString(lang))}").ToString();

    /// <summary>Starts the host site; <paramref name="appOrigin"/> is where the snippet loads the loader from.</summary>
    public static async Task<HostSite> StartAsync(string appOrigin)
    {
        var port = FreePort();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseRouting();

        app.MapGet("/bare", (HttpContext http) => Page(http, appOrigin, "A plain page", policy: null));
        app.MapGet("/strict", (HttpContext http) => Page(http, appOrigin, "A page with a strict policy", policy: nonce => StrictPolicy(nonce, appOrigin)));
        app.MapGet("/coep", (HttpContext http) =>
        {
            http.Response.Headers["Cross-Origin-Embedder-Policy"] = "require-corp";
            http.Response.Headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Page(http, appOrigin, "A cross-origin isolated page", policy: null);
        });
        app.MapGet("/hostile", (HttpContext http) => Page(http, appOrigin, "A page with hostile CSS", policy: null, extraStylesheet: "/hostile.css"));
        app.MapGet("/host.css", () => Results.Text(HostCss, "text/css"));
        app.MapGet("/hostile.css", () => Results.Text(HostileCss, "text/css"));
        app.MapGet("/other", (HttpContext http) => Page(http, appOrigin, "Another page of the same site", policy: null));
        await app.StartAsync();
        return new HostSite(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>The sources the README tells merchants to allow, and nothing else.</summary>
    public static string StrictPolicy(string nonce, string appOrigin) =>
        $"default-src 'none'; script-src 'nonce-{nonce}' {appOrigin}; style-src 'self'; img-src 'self' {appOrigin}; connect-src {appOrigin}; frame-src {appOrigin}; base-uri 'none'; form-action 'none'; object-src 'none'";

    private static IResult Page(HttpContext http, string appOrigin, string title, Func<string, string>? policy, string? extraStylesheet = null)
    {
        var key = http.Request.Query["key"].ToString();
        var widget = http.Request.Query["widget"] != "0";
        var lang = http.Request.Query["lang"].ToString() is { Length: > 0 } asked && asked.All(c => char.IsAsciiLetter(c) || c == '-') ? asked : "en";
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        if (policy is not null)
        {
            http.Response.Headers.ContentSecurityPolicy = policy(nonce);
        }

        // Scripts of the page itself, like any shop's, all carry the nonce.
        var snippet = widget ? Web.Features.Widget.WidgetSnippet.Html(new Uri(appOrigin), key, nonce) : string.Empty;
        var extra = extraStylesheet is null ? string.Empty : $"<link rel=\"stylesheet\" href=\"{extraStylesheet}\">";
        var html = $"""
            <!doctype html>
            <html lang="{lang}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title>
            <link rel="stylesheet" href="/host.css">
            {extra}
            </head>
            <body>
            <main>
            <h1 id="host-heading">{title}</h1>
            <p id="host-probe" class="probe">The merchant's own text, in the merchant's own style.</p>
            <p><a id="host-link" href="/other?key={Uri.EscapeDataString(key)}">Another page</a></p>
            <button id="host-button" type="button">The merchant's button</button>
            </main>
            {snippet}
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
