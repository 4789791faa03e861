using System.Net;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Integration.Products.Sharing;

/// <summary>
/// The share link /p/{token} as a shopper meets it: the redirect to the product page with utm parameters, the click
/// recorded for attribution, the browser cookie only where the merchant needs no consent, and friendly pages (never an
/// error page) for links that are malformed, unknown or revoked. The installation has two merchants: the demo one
/// (no consent needed, its site https://www.demo-outfitters.example) and one that waits for cookie consent.
/// </summary>
public sealed class ShareLinkTests(ShareLinkTests.Installation installation) : IClassFixture<ShareLinkTests.Installation>
{
    private const string DemoSite = "https://www.demo-outfitters.example/";

    private RoutingFactory Factory => installation.Factory;

    [Fact]
    public async Task A_share_link_redirects_to_the_product_page_with_utm_parameters_and_records_the_click()
    {
        var demo = await Factory.DemoMerchantAsync();
        var product = await ShareData.ProductAsync(Factory, demo.Id, "https://www.demo-outfitters.example/products/trail-runner-2");
        var (expert, store, shopper) = (await ShareData.StaffIdAsync(Factory, demo.Id, DemoMerchantSeeder.ExpertEmail), Guid.NewGuid(), Guid.NewGuid());
        var share = await ShareData.ShareAsync(Factory, demo.Id, product.Id, expert, ShareChannel.Chat, store, shopper);
        Factory.Clock.Advance(TimeSpan.FromMinutes(7));

        var response = await Factory.CreateAnonymousClient().GetAsync($"/p/{share.Token}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(
            $"https://www.demo-outfitters.example/products/trail-runner-2?utm_source=virtualshopping&utm_medium=chat&utm_campaign=expert_share&utm_content={share.Token}",
            response.Headers.Location?.OriginalString);
        var click = Assert.Single(await ShareData.ClicksAsync(Factory, demo.Id, share.Id));
        Assert.Equal((product.Id, expert, (Guid?)store, (Guid?)shopper, Factory.Clock.GetUtcNow()), (click.ProductId, click.StaffMemberId, click.StoreId, click.ShopperId, click.ClickedAt));
    }

    [Fact]
    public async Task A_product_link_keeps_its_own_query_and_fragment_and_its_utm_parameters_are_replaced()
    {
        var demo = await Factory.DemoMerchantAsync();
        var product = await ShareData.ProductAsync(Factory, demo.Id, "https://www.demo-outfitters.example/products/trail?colour=grey&utm_source=google&utm_medium=cpc#size-guide");
        var share = await ShareData.ShareAsync(Factory, demo.Id, product.Id, Guid.NewGuid(), ShareChannel.Email);

        var response = await Factory.CreateAnonymousClient().GetAsync($"/p/{share.Token}");

        Assert.Equal(
            $"https://www.demo-outfitters.example/products/trail?colour=grey&utm_source=virtualshopping&utm_medium=email&utm_campaign=expert_share&utm_content={share.Token}#size-guide",
            response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_product_no_longer_in_the_feed_still_leads_to_its_page_and_the_click_counts()
    {
        var demo = await Factory.DemoMerchantAsync();
        var product = await ShareData.ProductAsync(Factory, demo.Id, "https://www.demo-outfitters.example/products/old-boot", inFeed: false);
        var share = await ShareData.ShareAsync(Factory, demo.Id, product.Id, Guid.NewGuid(), ShareChannel.Sms);

        var response = await Factory.CreateAnonymousClient().GetAsync($"/p/{share.Token}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://www.demo-outfitters.example/products/old-boot?", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Single(await ShareData.ClicksAsync(Factory, demo.Id, share.Id));
    }

    [Fact]
    public async Task Without_consent_needed_the_browser_gets_an_id_cookie_that_its_next_click_reuses()
    {
        var demo = await Factory.DemoMerchantAsync();
        var product = await ShareData.ProductAsync(Factory, demo.Id, "https://www.demo-outfitters.example/products/a");
        var first = await ShareData.ShareAsync(Factory, demo.Id, product.Id, Guid.NewGuid());
        var second = await ShareData.ShareAsync(Factory, demo.Id, product.Id, Guid.NewGuid(), ShareChannel.Qr);
        var browser = Factory.CreateAnonymousClient();

        var response = await browser.GetAsync($"/p/{first.Token}");
        await browser.GetAsync($"/p/{second.Token}");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("vs_browser=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=none", cookie, StringComparison.Ordinal);
        Assert.Contains("max-age=7776000", cookie, StringComparison.Ordinal);
        var firstClick = Assert.Single(await ShareData.ClicksAsync(Factory, demo.Id, first.Id));
        var secondClick = Assert.Single(await ShareData.ClicksAsync(Factory, demo.Id, second.Id));
        Assert.Matches("^[0-9a-f]{32}$", firstClick.BrowserId);
        Assert.Equal(firstClick.BrowserId, secondClick.BrowserId);
        Assert.Contains($"vs_browser={firstClick.BrowserId}", cookie, StringComparison.Ordinal);

        var otherBrowser = await Factory.CreateAnonymousClient().GetAsync($"/p/{first.Token}");
        Assert.Equal(HttpStatusCode.Redirect, otherBrowser.StatusCode);
        var clicks = await ShareData.ClicksAsync(Factory, demo.Id, first.Id);
        Assert.Equal(2, clicks.Select(c => c.BrowserId).Distinct().Count());
    }

    [Fact]
    public async Task Over_plain_http_the_cookie_is_lax_and_not_secure()
    {
        var demo = await Factory.DemoMerchantAsync();
        var product = await ShareData.ProductAsync(Factory, demo.Id, "https://www.demo-outfitters.example/products/b");
        var share = await ShareData.ShareAsync(Factory, demo.Id, product.Id, Guid.NewGuid());

        var response = await Factory.CreateAnonymousClient().GetAsync(new Uri($"http://localhost/p/{share.Token}"));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("vs_browser=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_merchant_waits_for_consent_no_cookie_is_set_and_no_browser_is_recorded()
    {
        var world = installation.ConsentWorld;
        var product = await ShareData.ProductAsync(Factory, world.MerchantId, "https://consent-shop.example/p/1");
        var share = await ShareData.ShareAsync(Factory, world.MerchantId, product.Id, world.Experts[0].Id, ShareChannel.Link, world.StoreId);
        var browser = Factory.CreateAnonymousClient();
        browser.DefaultRequestHeaders.Add("Cookie", "vs_browser=0123456789abcdef0123456789abcdef");

        var response = await browser.GetAsync($"/p/{share.Token}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var click = Assert.Single(await ShareData.ClicksAsync(Factory, world.MerchantId, share.Id));
        Assert.Null(click.BrowserId);
        Assert.Equal((world.Experts[0].Id, (Guid?)world.StoreId), (click.StaffMemberId, click.StoreId));
    }

    [Theory]
    [InlineData("not-a-token!")]
    [InlineData("short")]
    [InlineData("Ab3dEf6hJk9mXYZ")]
    public async Task A_malformed_link_shows_the_friendly_not_found_page_without_a_button_when_there_are_several_merchants(string token)
    {
        var response = await Factory.CreateAnonymousClient().GetAsync($"/p/{Uri.EscapeDataString(token)}");

        var html = await FriendlyPageAsync(response, HttpStatusCode.NotFound, "We could not find this link");
        Assert.DoesNotContain("auth-button", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoMerchantSeeder.MerchantName, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_token_shows_the_friendly_not_found_page_and_records_nothing()
    {
        var token = ShareToken.Generate();

        var response = await Factory.CreateAnonymousClient().GetAsync($"/p/{token}");

        await FriendlyPageAsync(response, HttpStatusCode.NotFound, "We could not find this link");
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_revoked_link_shows_the_expired_page_leading_to_the_merchants_site_and_records_nothing()
    {
        var demo = await Factory.DemoMerchantAsync();
        var product = await ShareData.ProductAsync(Factory, demo.Id, "https://www.demo-outfitters.example/products/c");
        var share = await ShareData.ShareAsync(Factory, demo.Id, product.Id, Guid.NewGuid(), revoked: true);

        var response = await Factory.CreateAnonymousClient().GetAsync($"/p/{share.Token}");

        var html = await FriendlyPageAsync(response, HttpStatusCode.Gone, "This link has expired");
        Assert.Contains($"href=\"{DemoSite}\"", html, StringComparison.Ordinal);
        Assert.Contains("Go to Demo Outfitters", html, StringComparison.Ordinal);
        Assert.Empty(await ShareData.ClicksAsync(Factory, demo.Id, share.Id));
        var styles = await Factory.CreateAnonymousClient().GetAsync("/app.css");
        Assert.Equal((HttpStatusCode.OK, "text/css"), (styles.StatusCode, styles.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task A_revoked_link_of_a_merchant_without_a_site_setting_leads_to_the_root_of_the_product_site()
    {
        var world = installation.ConsentWorld;
        var product = await ShareData.ProductAsync(Factory, world.MerchantId, "https://consent-shop.example/p/2?x=1");
        var share = await ShareData.ShareAsync(Factory, world.MerchantId, product.Id, world.Experts[0].Id, revoked: true);

        var html = await FriendlyPageAsync(await Factory.CreateAnonymousClient().GetAsync($"/p/{share.Token}"), HttpStatusCode.Gone, "This link has expired");

        Assert.Contains("href=\"https://consent-shop.example/\"", html, StringComparison.Ordinal);
    }

    /// <summary>Checks the page is the friendly one: HTML in the app's style, no script, no error page, no stack trace.</summary>
    internal static async Task<string> FriendlyPageAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<h1 class=\"auth-title\">{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("/app.css", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at VirtualShopping", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        return html;
    }

    /// <summary>The app with the demo merchant and a second merchant that waits for cookie consent.</summary>
    public sealed class Installation : IAsyncLifetime
    {
        public RoutingFactory Factory { get; } = new();

        public RoutingWorld ConsentWorld { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            ConsentWorld = await RoutingWorld.CreateAsync(Factory.Services, experts: 1, name: "Consent Outfitters");
            await Factory.InMerchantAsync(ConsentWorld.MerchantId, async db =>
            {
                var settings = await db.ChatSettings.SingleAsync();
                settings.CookieConsent = CookieConsentMode.WaitForConsent;
                return await db.SaveChangesAsync();
            });
        }

        public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
    }
}
