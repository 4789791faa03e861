using Bunit;
using MudBlazor;
using VirtualShopping.Domain.Products;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Products;
using VirtualShopping.Web.Features.Products.Pages;

namespace VirtualShopping.Tests.Components.Products;

public sealed class ProductsPageTests : DashboardTestContext
{
    private async Task SeedAsync(int extra = 0)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        db.Products.AddRange(
            Product("TRB-42", "Ridgeline Hiking Boot, size 42", "Northfell", "Footwear > Boots", 159m, group: "TRB", size: "42", gtin: "5060123456021"),
            Product("TRB-43", "Ridgeline Hiking Boot, size 43", "Northfell", "Footwear > Boots", 159m, group: "TRB", size: "43"),
            Product("TRB-45", "Ridgeline Hiking Boot, size 45", "Northfell", "Footwear > Boots", 159m, group: "TRB", size: "45", availability: ProductAvailability.OutOfStock),
            Product("DPJ-NAV", "Cairn Down Jacket, Navy", "Fellstride", "Clothing > Jackets", 189m, sale: 149m, color: "Navy"),
            Product("TNT-S2", "Summit 2 Tent", "Skerry", "Camping > Tents", 299m),
            Product("OLD-1", "Old Lantern", "Skerry", "Camping > Lights", 19m, inFeed: false),
            Product("50%_OFF", "Percent Cap", "Fellstride", "Clothing > Hats", 9.5m));
        db.Products.AddRange(Enumerable.Range(1, extra).Select(i => Product($"SCK-{i:000}", $"Sock {i:000}", "Fellstride", "Clothing > Socks", 12m)));
        await db.SaveChangesAsync();
    }

    private Product Product(
        string id, string title, string brand, string type, decimal price, decimal? sale = null, string? group = null, string? size = null, string? color = null,
        string? gtin = null, ProductAvailability availability = ProductAvailability.InStock, bool inFeed = true) => new()
        {
            MerchantId = Merchant.Id, ExternalId = id, Title = title, Brand = brand, ProductType = type, Price = price, SalePrice = sale, Currency = "GBP",
            Availability = availability, InFeed = inFeed, ItemGroupId = group, Size = size, Color = color, Gtin = gtin, Mpn = "MPN-" + id,
            Link = $"https://shop.example/{id}", ImageLink = $"https://img.example/{id}.jpg", ContentHash = id,
            FirstSeenAt = Clock.GetUtcNow(), UpdatedAt = Clock.GetUtcNow(),
        };

    private static string[] Titles(IRenderedComponent<ProductsPage> page) => [.. page.FindAll("[data-testid=product-row]").Select(r => r.TextContent.Trim())];

    [Fact]
    public void With_no_products_the_page_says_to_add_a_feed_in_account_settings()
    {
        var page = Render<ProductsPage>();

        page.WaitForAssertion(() => Assert.Contains("product feed", page.Find("[data-testid=products-empty]").TextContent, StringComparison.Ordinal));
        Assert.Equal("/settings/account", page.Find("[data-testid=products-empty] a").GetAttribute("href"));
    }

    [Fact]
    public async Task The_list_shows_price_sale_availability_and_variants_and_search_and_filters_narrow_it()
    {
        await SeedAsync();
        var page = Render<ProductsPage>();

        page.WaitForAssertion(() => Assert.Equal(7, Titles(page).Length));
        var jacket = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Cairn Down Jacket", StringComparison.Ordinal));
        Assert.Contains("189.00 GBP", jacket.QuerySelector("[data-testid=product-price]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sale 149.00 GBP", jacket.QuerySelector("[data-testid=product-price]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("40", jacket.QuerySelector("img")!.GetAttribute("width"));
        var lantern = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("Old Lantern", StringComparison.Ordinal));
        Assert.Equal("Not in feed", lantern.QuerySelector("[data-testid=product-availability]")!.TextContent.Trim());
        var boot = page.FindAll("tbody tr").First(r => r.TextContent.Contains("Ridgeline", StringComparison.Ordinal));
        Assert.Equal("3", boot.QuerySelector("[data-testid=product-variants]")!.TextContent.Trim());

        // Search by brand, by GTIN, by id (wildcards typed are literal), and nothing for an over-long term.
        page.Find("input#product-search").Change("northfell");
        page.WaitForAssertion(() => Assert.Equal(3, Titles(page).Length));
        page.Find("input#product-search").Change("5060123456021");
        page.WaitForAssertion(() => Assert.Equal(["Ridgeline Hiking Boot, size 42"], Titles(page)));
        page.Find("input#product-search").Change("50%_");
        page.WaitForAssertion(() => Assert.Equal(["Percent Cap"], Titles(page)));
        page.Find("input#product-search").Change(new string('x', 5000));
        page.WaitForAssertion(() => page.Find("[data-testid=products-none-match]"));
        page.Find("input#product-search").Change("   ");
        page.WaitForAssertion(() => Assert.Equal(7, Titles(page).Length));

        // Filters: availability (incl. Not in feed), brand, product type.
        var availability = page.FindComponents<MudSelect<string>>().First(s => s.Instance.Label == "Availability");
        await availability.InvokeAsync(() => availability.Instance.SelectOption(ProductAvailability.OutOfStock.ToString()));
        page.WaitForAssertion(() => Assert.Equal(["Ridgeline Hiking Boot, size 45"], Titles(page)));
        await availability.InvokeAsync(() => availability.Instance.SelectOption("NotInFeed"));
        page.WaitForAssertion(() => Assert.Equal(["Old Lantern"], Titles(page)));
        await availability.InvokeAsync(() => availability.Instance.SelectOption(string.Empty));
        var brand = page.FindComponents<MudSelect<string>>().First(s => s.Instance.Label == "Brand");
        await brand.InvokeAsync(() => brand.Instance.SelectOption("Skerry"));
        page.WaitForAssertion(() => Assert.Equal(["Old Lantern", "Summit 2 Tent"], Titles(page)));
        var type = page.FindComponents<MudSelect<string>>().First(s => s.Instance.Label == "Product type");
        await type.InvokeAsync(() => type.Instance.SelectOption("Camping > Tents"));
        page.WaitForAssertion(() => Assert.Equal(["Summit 2 Tent"], Titles(page)));
    }

    [Fact]
    public async Task Products_come_25_to_a_page()
    {
        await SeedAsync(extra: 30);
        var page = Render<ProductsPage>();

        page.WaitForAssertion(() => Assert.Equal(25, Titles(page).Length));
        Assert.Equal("37 products", page.Find("[data-testid=products-total]").TextContent.Trim());
        var pages = page.FindComponent<MudPagination>();
        await pages.InvokeAsync(() => pages.Instance.NavigateToAsync(Page.Next));
        page.WaitForAssertion(() => Assert.Equal(12, Titles(page).Length));
    }

    [Fact]
    public async Task Clicking_a_product_opens_its_attributes_and_the_variants_of_its_item_group()
    {
        await SeedAsync();
        var providers = RenderProviders();
        var page = Render<ProductsPage>();
        page.WaitForAssertion(() => Assert.Equal(7, Titles(page).Length));

        page.FindAll("tbody tr").First(r => r.TextContent.Contains("size 43", StringComparison.Ordinal)).Click();

        providers.WaitForAssertion(() => Assert.Equal(3, providers.FindAll("[data-testid=variant-row]").Count));
        Assert.Equal("MPN-TRB-43", providers.Find("[data-testid=detail-mpn]").TextContent.Trim());
        Assert.Equal("Footwear > Boots", providers.Find("[data-testid=detail-product-type]").TextContent.Trim());
        Assert.Contains(providers.FindAll("[data-testid=variant-row]"), r => r.TextContent.Contains("45", StringComparison.Ordinal) && r.TextContent.Contains("Out of stock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_is_kept_to_this_merchant_and_an_over_long_term_is_cut()
    {
        await SeedAsync();
        Assert.Equal(ProductCatalog.MaxSearchLength, ProductCatalog.SearchTerm(new string('a', 500))!.Length);
        Assert.Null(ProductCatalog.SearchTerm("  "));
        var catalog = Services.GetRequiredService<ProductCatalog>();
        Assert.Equal(7, (await catalog.SearchAsync(new ProductQuery())).Total);
        Scope.Use(Guid.NewGuid());
        Assert.Equal(0, (await catalog.SearchAsync(new ProductQuery("Boot"))).Total);
    }
}
