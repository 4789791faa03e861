using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using VirtualShopping.Domain.Products;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Integration.Products.Sharing;

/// <summary>
/// Share links on an installation with one merchant (the demo one), no SMS or email provider, and a limit of five link
/// opens per address per minute.
/// </summary>
public sealed class ShareLinkInstallationTests(ShareLinkInstallationTests.Installation installation) : IClassFixture<ShareLinkInstallationTests.Installation>
{
    private const int Limit = 5;

    private RoutingFactory Factory => installation.Factory;

    [Fact]
    public async Task An_unknown_link_on_a_one_merchant_installation_leads_to_that_merchants_site()
    {
        var response = await BrowserFrom("198.51.100.1").GetAsync($"/p/{ShareToken.Generate()}");

        var html = await ShareLinkTests.FriendlyPageAsync(response, HttpStatusCode.NotFound, "We could not find this link");
        Assert.Contains("href=\"https://www.demo-outfitters.example/\"", html, StringComparison.Ordinal);
        Assert.Contains("Go to the shop", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoMerchantSeeder.MerchantName, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_links_too_often_from_one_address_is_refused_whatever_forwarded_header_it_sends_and_records_nothing()
    {
        var demo = await Factory.DemoMerchantAsync();
        var product = await ShareData.ProductAsync(Factory, demo.Id, "https://www.demo-outfitters.example/products/limited");
        var share = await ShareData.ShareAsync(Factory, demo.Id, product.Id, Guid.NewGuid());
        var guesser = BrowserFrom("203.0.113.9");
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await guesser.GetAsync($"/p/{ShareToken.Generate()}")).StatusCode);
        }

        using var spoofed = new HttpRequestMessage(HttpMethod.Get, $"/p/{share.Token}");
        spoofed.Headers.Add("X-Forwarded-For", "192.0.2.77");
        spoofed.Headers.Add("X-Real-IP", "192.0.2.78");
        var refused = await guesser.SendAsync(spoofed);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await ShareLinkTests.FriendlyPageAsync(refused, HttpStatusCode.TooManyRequests, "Please wait a moment");
        Assert.Empty(await ShareData.ClicksAsync(Factory, demo.Id, share.Id));

        var shopperElsewhere = await BrowserFrom("203.0.113.10").GetAsync($"/p/{share.Token}");
        Assert.Equal(HttpStatusCode.Redirect, shopperElsewhere.StatusCode);
        Assert.Single(await ShareData.ClicksAsync(Factory, demo.Id, share.Id));
    }

    [Theory]
    [InlineData("sms", "+447700900123", "Text messages are not set up on this installation. Share a link or QR code instead.")]
    [InlineData("email", "shopper@example.com", "Email is not set up on this installation. Share a link or QR code instead.")]
    public async Task Without_a_provider_a_text_message_or_email_share_is_refused_and_nothing_is_stored(string channel, string to, string detail)
    {
        var demo = await Factory.DemoMerchantAsync();
        var product = await ShareData.ProductAsync(Factory, demo.Id, "https://www.demo-outfitters.example/products/unsent");
        var (expert, _) = await ChatClients.ExpertAsync(Factory, DemoMerchantSeeder.ExpertEmail, VirtualShoppingFactory.DemoPassword);

        var response = await expert.PostAsJsonAsync($"/api/v1/expert/products/{product.Id}/shares", new { channel, to });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(detail, (await response.Content.ReadAsync<ProblemDetails>())!.Detail);
        Assert.Empty(await ShareData.SharesOfAsync(Factory, demo.Id, product.Id));
    }

    private HttpClient BrowserFrom(string address)
    {
        var client = Factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(VirtualShoppingFactory.ClientAddressHeader, address);
        return client;
    }

    /// <summary>The one-merchant installation without SMS or email and with a low per-address limit.</summary>
    public sealed class Installation : IAsyncDisposable
    {
        public RoutingFactory Factory { get; } = new RoutingFactory().With("ShareLinks:IpOpensPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
    }
}
