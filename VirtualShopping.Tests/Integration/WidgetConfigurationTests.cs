using System.Net;
using System.Text.Json;
using VirtualShopping.Tests.Support;

namespace VirtualShopping.Tests.Integration;

/// <summary>The public widget configuration: by public key, cached by ETag, languages with fallback, CORS by allowed origin.</summary>
public sealed class WidgetConfigurationTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    [Fact]
    public async Task Configuration_is_served_in_the_requested_language_with_fallback_to_the_default()
    {
        var key = (await factory.DemoMerchantAsync()).PublicWidgetKey;
        var client = factory.CreateAnonymousClient();

        using var french = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/widget/{key}/config?lang=fr"));
        using var german = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/widget/{key}/config?lang=de"));
        using var japanese = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/widget/{key}/config?lang=ja"));

        Assert.Equal("fr", french.RootElement.GetProperty("language").GetString());
        Assert.Equal("Bonjour ! Discutez avec un expert de nos magasins.", french.RootElement.GetProperty("texts").GetProperty("greeting").GetString());
        Assert.Equal("What are you shopping for today?", french.RootElement.GetProperty("texts").GetProperty("needsSelectorPrompt").GetString());
        Assert.Equal("Mode femme", french.RootElement.GetProperty("departments")[0].GetProperty("label").GetString());
        Assert.Equal("Hi! Chat with an expert in one of our stores.", german.RootElement.GetProperty("texts").GetProperty("greeting").GetString());
        Assert.Equal("Damenmode", german.RootElement.GetProperty("departments")[0].GetProperty("label").GetString());
        Assert.Equal("en", japanese.RootElement.GetProperty("language").GetString());
        Assert.Equal("Womenswear", japanese.RootElement.GetProperty("departments")[0].GetProperty("label").GetString());
        Assert.False(french.RootElement.TryGetProperty("allowedOrigins", out _));
    }

    [Fact]
    public async Task Without_a_country_header_setting_the_country_is_unknown_and_the_configuration_loads_on_isolated_pages()
    {
        var key = (await factory.DemoMerchantAsync()).PublicWidgetKey;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/widget/{key}/config");
        request.Headers.Add("CF-IPCountry", "FI");

        var response = await factory.CreateAnonymousClient().SendAsync(request, TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("display").GetProperty("countryAllowed").ValueKind);
        Assert.Equal("cross-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
    }

    [Fact]
    public async Task A_client_with_the_current_etag_gets_304_not_modified()
    {
        var key = (await factory.DemoMerchantAsync()).PublicWidgetKey;
        var client = factory.CreateAnonymousClient();
        var first = await client.GetAsync($"/api/v1/widget/{key}/config?lang=en");
        var etag = first.Headers.ETag;

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/widget/{key}/config?lang=en");
        request.Headers.IfNoneMatch.Add(etag!);
        var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(etag);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_allowed_origin_is_granted_and_an_unlisted_one_refused()
    {
        var key = (await factory.DemoMerchantAsync()).PublicWidgetKey;
        var client = factory.CreateAnonymousClient();

        using var allowed = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/widget/{key}/config");
        allowed.Headers.Add("Origin", "https://www.demo-outfitters.example");
        using var unlisted = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/widget/{key}/config");
        unlisted.Headers.Add("Origin", "https://evil.example");
        var granted = await client.SendAsync(allowed);
        var refused = await client.SendAsync(unlisted);

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal("https://www.demo-outfitters.example", granted.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_uploaded_logo_is_linked_from_the_configuration_and_served_as_an_image()
    {
        var merchant = await factory.DemoMerchantAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<VirtualShopping.Infrastructure.Tenancy.MerchantScope>().Use(merchant.Id);
            using var png = new MemoryStream(VirtualShopping.Tests.Components.Settings.ChatAssetUploadTests.OnePixelPng);
            var saved = await scope.ServiceProvider.GetRequiredService<VirtualShopping.Web.Features.Settings.ChatAssetService>().UploadAsync(VirtualShopping.Domain.Settings.ChatAssetKind.Logo, png, "logo.png");
            Assert.True(saved.Succeeded);
        }

        var client = factory.CreateAnonymousClient();
        using var config = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/widget/{merchant.PublicWidgetKey}/config"));
        var logoUrl = config.RootElement.GetProperty("theme").GetProperty("logoUrl").GetString();
        var image = await client.GetAsync(logoUrl);

        Assert.StartsWith($"/api/v1/widget/{merchant.PublicWidgetKey}/assets/Logo?v=", logoUrl, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(VirtualShopping.Tests.Components.Settings.ChatAssetUploadTests.OnePixelPng, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal(JsonValueKind.Null, config.RootElement.GetProperty("theme").GetProperty("launcherIconUrl").ValueKind);
    }

    [Fact]
    public async Task An_unknown_key_gets_404_problem_details()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/api/v1/widget/pk_doesnotexist/config");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("No chat is set up for this key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
