using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// A merchant's site for widget tests: a bare page on its own loopback port (so another origin than the app's)
/// that embeds the snippet exactly as a merchant would. Every path serves the page <see cref="Page"/> builds.
/// </summary>
public sealed class HostPages : IAsyncDisposable
{
    private readonly WebApplication app;

    private HostPages(WebApplication app) => this.app = app;

    /// <summary>scheme://host:port, as the browser sends it in Origin.</summary>
    public string Origin => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>The HTML answered for a request; a bare page by default.</summary>
    public Func<HttpRequest, string> Page { get; set; } = _ => "<!doctype html><title>Shop</title>";

    public string Url(string path) => Origin + path;

    public static async Task<HostPages> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var pages = new HostPages(app);
        app.Run(http => http.Response.WriteAsync(pages.Page(http.Request)));
        await app.StartAsync();
        return pages;
    }

    /// <summary>
    /// A shop page with the On-site chat snippet (queue stub, then the async loader with the key); <paramref name="afterStub"/>
    /// is script run between the two, where a merchant's own vs(...) calls go.
    /// </summary>
    public static string WithSnippet(string appBaseUrl, string key, string afterStub = "", string lang = "en") => $$"""
        <!doctype html>
        <html lang="{{lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title>
        <script>
          window.vs = window.vs || function () { (window.vs.q = window.vs.q || []).push(arguments); };
          {{afterStub}}
        </script>
        <script src="{{appBaseUrl.TrimEnd('/')}}/widget/loader.js" data-key="{{key}}" async></script>
        </head><body><h1>Shop</h1><p>Products.</p></body></html>
        """;

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
