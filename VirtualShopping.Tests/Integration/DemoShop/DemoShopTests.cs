using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.DemoShop;

namespace VirtualShopping.Tests.Integration.DemoShop;

/// <summary>
/// The demo shop: a merchant's site served on its own origin, embedding the widget snippet exactly as the
/// On-site chat page gives it, under a strict policy that only allows what the README tells merchants to allow.
/// </summary>
public sealed partial class DemoShopTests(DemoShopFactory factory) : IClassFixture<DemoShopFactory>
{
    public static TheoryData<string> Pages => new("/demo/shop", "/demo/shop?category=Footwear", "/demo/shop/products/trail-runner-gtx", "/demo/shop/cart", "/demo/shop/checkout");

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_embeds_the_snippet_with_the_demo_merchants_key_under_a_strict_nonce_policy(string path)
    {
        var key = (await factory.DemoMerchantAsync()).PublicWidgetKey;

        using var response = await factory.CreateShopClient().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Nonce().Match(policy).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"script-src 'nonce-{nonce}' {DemoShopFactory.AppOrigin};", policy, StringComparison.Ordinal);
        Assert.Contains($"connect-src {DemoShopFactory.AppOrigin};", policy, StringComparison.Ordinal);
        Assert.Contains($"frame-src {DemoShopFactory.AppOrigin};", policy, StringComparison.Ordinal);
        Assert.Contains($"img-src 'self' {DemoShopFactory.AppOrigin};", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);

        // Every script carries this response's nonce; nothing is styled inline.
        var scripts = ScriptTag().Matches(html).Select(m => m.Value).Where(s => !s.Contains("application/json", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, scripts.Count);
        Assert.All(scripts, s => Assert.Contains($"nonce=\"{nonce}\"", s, StringComparison.Ordinal));
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);

        // The contract's snippet: the queue stub, then the async loader from the app with the merchant's key.
        Assert.Contains("window.vs = window.vs || function () { (window.vs.q = window.vs.q || []).push(arguments); };", html, StringComparison.Ordinal);
        Assert.Contains($"<script src=\"{DemoShopFactory.AppOrigin}/widget/loader.js\" data-key=\"{key}\" async nonce=\"{nonce}\"></script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_response_gets_a_fresh_nonce()
    {
        var client = factory.CreateShopClient();
        using var first = await client.GetAsync("/demo/shop");
        using var second = await client.GetAsync("/demo/shop");

        Assert.NotEqual(first.Headers.GetValues("Content-Security-Policy").Single(), second.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_product_list_shows_the_catalogue_with_prices_in_pounds_and_links_to_product_pages()
    {
        var html = await factory.CreateShopClient().GetStringAsync("/demo/shop");

        Assert.Equal(DemoCatalog.Products.Count, ProductCard().Count(html));
        Assert.InRange(DemoCatalog.Products.Count, 8, 12);
        Assert.Contains("Trail Runner GTX", html, StringComparison.Ordinal);
        Assert.Contains("£119.00", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/demo/shop/products/summit-2-tent\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_product_page_has_its_sizes_its_tracking_data_and_an_add_to_bag_button()
    {
        var html = await factory.CreateShopClient().GetStringAsync("/demo/shop/products/heritage-leather-boots");

        Assert.Contains("<h1>Heritage Leather Boots</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<option>UK 8</option>", html, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"DO-1002\"", html, StringComparison.Ordinal);
        Assert.Contains("\"currency\":\"GBP\"", html, StringComparison.Ordinal);
        Assert.Contains("Caldwell \\u0026 Sons", html, StringComparison.Ordinal);
        Assert.Contains(">Add to bag</button>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_product_is_a_not_found_page_of_the_shop()
    {
        using var response = await factory.CreateShopClient().GetAsync("/demo/shop/products/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We couldn't find that product", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_stylesheet_and_product_images_are_served_by_the_app()
    {
        var client = factory.CreateShopClient();

        using var script = await client.GetAsync("/demo/shop/assets/shop.js");
        using var styles = await client.GetAsync("/demo/shop/assets/shop.css");
        using var image = await client.GetAsync("/demo/shop/images/summit-2-tent.svg");

        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Contains("vs('track'", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/css", styles.Content.Headers.ContentType!.MediaType);
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", await image.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asked_for_on_the_apps_own_origin_the_shop_sends_the_browser_to_its_own_origin()
    {
        using var response = await factory.CreateAnonymousClient().GetAsync("/demo/shop/products/summit-2-tent?ref=home");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{DemoShopFactory.ShopOrigin}/demo/shop/products/summit-2-tent?ref=home", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_seeded_demo_merchant_allows_the_shops_origin_to_load_the_widget()
    {
        var key = (await factory.DemoMerchantAsync()).PublicWidgetKey;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/widget/{key}/config?lang=en");
        request.Headers.Add("Origin", DemoShopFactory.ShopOrigin);

        using var response = await factory.CreateAnonymousClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DemoShopFactory.ShopOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Seeding_a_database_made_before_the_shop_existed_allows_the_shops_origin_once()
    {
        const string otherOrigin = "http://127.0.0.1:5099";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var seeder = ActivatorUtilities.CreateInstance<DemoMerchantSeeder>(scope.ServiceProvider, Options.Create(new DemoShopOptions { Enabled = true, Origin = otherOrigin + "/" }));
            await seeder.SeedAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<DemoMerchantSeeder>(scope.ServiceProvider, Options.Create(new DemoShopOptions { Enabled = true, Origin = otherOrigin })).SeedAsync();
        }

        var merchant = await factory.DemoMerchantAsync();
        var origins = await factory.InMerchantAsync(merchant.Id, db => Task.FromResult(db.ChatSettings.Single().AllowedOrigins));
        Assert.Single(origins, o => o == otherOrigin);
        Assert.Contains("https://www.demo-outfitters.example", origins);
        Assert.Contains(DemoShopFactory.ShopOrigin, origins);
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<li class=\"product-card\">")]
    private static partial Regex ProductCard();
}

/// <summary>Outside Development (and without DemoShop:Enabled) there is no demo shop.</summary>
public sealed class DemoShopAbsenceTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    [Fact]
    public async Task The_shop_is_not_served_unless_enabled()
    {
        using var response = await factory.CreateAnonymousClient().GetAsync("/demo/shop");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Demo Outfitters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
