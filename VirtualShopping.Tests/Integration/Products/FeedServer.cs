using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace VirtualShopping.Tests.Integration.Products;

/// <summary>A real HTTP server on loopback serving a feed with an ETag (304 when it matches), redirects and an endless body.</summary>
internal sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FeedServer(WebApplication app) => this.app = app;

    public string Feed { get; set; } = string.Empty;

    public string ETag { get; set; } = "\"v1\"";

    /// <summary>Serve the feed gzip-compressed with Content-Encoding: gzip.</summary>
    public bool Gzip { get; set; }

    public List<string?> IfNoneMatchSeen { get; } = [];

    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<FeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FeedServer(app);
        app.MapGet("/feed", async context =>
        {
            var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
            server.IfNoneMatchSeen.Add(ifNoneMatch.Length == 0 ? null : ifNoneMatch);
            if (ifNoneMatch == server.ETag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.Headers.ETag = server.ETag;
            context.Response.ContentType = "application/xml";
            var bytes = Encoding.UTF8.GetBytes(server.Feed);
            if (server.Gzip)
            {
                context.Response.Headers.ContentEncoding = "gzip";
                using var packed = new MemoryStream();
                await using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
                {
                    await gzip.WriteAsync(bytes);
                }

                bytes = packed.ToArray();
            }

            await context.Response.Body.WriteAsync(bytes);
        });
        app.MapGet("/moved", () => Results.Redirect("/feed"));
        app.MapGet("/to-http", () => Results.Redirect("http://shop.example/feed"));
        app.MapGet("/loop", () => Results.Redirect("/loop"));
        app.MapGet("/endless", async context =>
        {
            // No Content-Length: the size can only be counted while reading.
            context.Response.ContentType = "text/csv";
            await context.Response.WriteAsync("id,title,link,price,availability\n");
            var line = Encoding.UTF8.GetBytes("X,Hat,https://shop.example/x,1.00 EUR,in_stock\n");
            for (var i = 0; i < 100_000 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(line, context.RequestAborted);
            }
        });
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return server;
    }

    public string Url(string path) => BaseUrl + path;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
