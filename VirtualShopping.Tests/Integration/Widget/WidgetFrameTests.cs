using System.Net;
using Microsoft.AspNetCore.Hosting;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Tests.Support;

namespace VirtualShopping.Tests.Integration.Widget;

/// <summary>
/// The chat UI's framed document (GET /widget/frame): only the merchant's allowed origins may frame it or ask for
/// it, and it runs under its own strict policy whose socket source is the app's public host.
/// </summary>
public sealed class WidgetFrameTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    private const string DemoShop = "https://www.demo-outfitters.example";

    [Fact]
    public async Task An_allowed_origin_gets_the_chat_document_framable_only_by_the_merchants_origins()
    {
        var key = (await factory.DemoMerchantAsync()).PublicWidgetKey;

        var response = await factory.CreateAnonymousClient().GetAsync($"/widget/frame?key={key}&lang=en&origin={Uri.EscapeDataString(DemoShop)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("<script src=\"/widget/chat\\.js\\?v=[0-9a-f]{12}\"", html);
        Assert.Matches("href=\"/widget/chat\\.css\\?v=[0-9a-f]{12}\"", html);
        var policy = Directives(response);
        Assert.Equal("https://www.demo-outfitters.example http://localhost:5032", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["default-src"]);
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self'", policy["style-src"]);
        Assert.Equal("'self' blob: data: https:", policy["img-src"]); // product cards show merchants' images over https
        Assert.Equal("'self' blob:", policy["media-src"]);
        Assert.Equal("'none'", policy["base-uri"]);
        Assert.Equal("'none'", policy["form-action"]);
        Assert.Equal("require-corp", response.Headers.GetValues("Cross-Origin-Embedder-Policy").Single());
        Assert.Equal("cross-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_versioned_script_is_the_built_one_and_cached_by_browsers()
    {
        var key = (await factory.DemoMerchantAsync()).PublicWidgetKey;
        var client = factory.CreateAnonymousClient();
        var html = await client.GetStringAsync($"/widget/frame?key={key}&origin={Uri.EscapeDataString(DemoShop)}");
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/widget/chat\\.js\\?v=[0-9a-f]+)\"").Groups[1].Value;

        var response = await client.GetAsync(script);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var built = await File.ReadAllBytesAsync(Path.Combine(factory.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath, "widget", "chat.js"));
        Assert.Equal(built, await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(built))[..12], script.Split("?v=")[1], StringComparison.Ordinal);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_socket_source_is_the_apps_public_host_whatever_host_the_request_names()
    {
        var key = (await factory.DemoMerchantAsync()).PublicWidgetKey;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/widget/frame?key={key}&origin={Uri.EscapeDataString(DemoShop)}");
        request.Headers.Host = "attacker.example";

        var response = await factory.CreateAnonymousClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("'self' ws://localhost wss://localhost", Directives(response)["connect-src"]);
        Assert.DoesNotContain("attacker.example", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_document_speaks_the_resolved_language()
    {
        var key = (await factory.DemoMerchantAsync()).PublicWidgetKey;
        var client = factory.CreateAnonymousClient();

        var french = await client.GetStringAsync($"/widget/frame?key={key}&lang=fr&origin={Uri.EscapeDataString(DemoShop)}");
        var unknown = await client.GetStringAsync($"/widget/frame?key={key}&lang=%22%3E%3Cscript%3E&origin={Uri.EscapeDataString(DemoShop)}");

        Assert.Contains("<html lang=\"fr\">", french, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", unknown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-key")]
    [InlineData("")]
    public async Task An_unknown_key_is_a_not_found_problem(string key)
    {
        var response = await factory.CreateAnonymousClient().GetAsync($"/widget/frame?key={key}&origin={Uri.EscapeDataString(DemoShop)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("chat.js", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://www.demo-outfitters.example.evil.example")]
    [InlineData(null)]
    public async Task An_origin_the_merchant_did_not_allow_is_refused(string? origin)
    {
        var key = (await factory.DemoMerchantAsync()).PublicWidgetKey;
        var query = origin is null ? string.Empty : "&origin=" + Uri.EscapeDataString(origin);

        var response = await factory.CreateAnonymousClient().GetAsync($"/widget/frame?key={key}{query}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("chat.js", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_merchant_frame_is_framable_by_its_own_origins_only()
    {
        var other = await TestMerchants.CreateAsync(factory.Services, "Frame Test Outfitters", "admin@frame-test.example", "Frame Store");
        await factory.InMerchantAsync(other.Id, async db =>
        {
            db.ChatSettings.Add(new ChatSettings { AllowedOrigins = ["https://shop.frame-test.example"] });
            return await db.SaveChangesAsync();
        });
        var client = factory.CreateAnonymousClient();

        var own = await client.GetAsync($"/widget/frame?key={other.PublicWidgetKey}&origin={Uri.EscapeDataString("https://shop.frame-test.example")}");
        var demoShop = await client.GetAsync($"/widget/frame?key={other.PublicWidgetKey}&origin={Uri.EscapeDataString(DemoShop)}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("https://shop.frame-test.example", Directives(own)["frame-ancestors"]);
        Assert.Equal(HttpStatusCode.Forbidden, demoShop.StatusCode);
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : string.Empty);
}
