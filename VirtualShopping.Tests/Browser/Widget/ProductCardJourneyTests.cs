using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;
using static Microsoft.Playwright.Assertions;

namespace VirtualShopping.Tests.Browser.Widget;

/// <summary>A product card the expert sends, as the shopper sees it in the widget: one link, named by the title, to the product page.</summary>
[Collection(WidgetBrowserTests.Name)]
public sealed class ProductCardJourneyTests(WidgetBrowserFixture world)
{
    // A 1×1 PNG, served for the merchant's image host below.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task The_shopper_sees_the_card_with_its_sale_price_and_availability_and_it_opens_the_share_link_in_a_new_tab()
    {
        var merchant = await world.NewMerchantAsync();
        var now = DateTimeOffset.UtcNow;
        Product Product(string id, string title, string? colour, decimal price, decimal? sale, ProductAvailability availability, string? image) => new()
        {
            MerchantId = merchant.MerchantId, ExternalId = id, Title = title, Color = colour, Price = price, SalePrice = sale, Currency = "GBP", Availability = availability,
            Link = $"https://shop.example/{id}", ImageLink = image, Brand = "Northfell", ContentHash = id, FirstSeenAt = now, UpdatedAt = now,
        };
        var jacket = Product("DPJ-NAV", "Cairn Down Jacket", "Navy", 189m, 149m, ProductAvailability.InStock, "https://images.shop.test/dpj-nav.png");
        var tent = Product("TNT-U1", "Ultra 1 Solo Tent", null, 349m, null, ProductAvailability.OutOfStock, "https://gone.shop.test/tnt-u1.png");
        await world.App.InMerchantAsync(merchant.MerchantId, db =>
        {
            db.Products.AddRange(jacket, tent);
            return db.SaveChangesAsync();
        });

        await using var expert = await world.ExpertOnlineAsync(merchant);
        var page = await world.ShopperPageAsync();
        // The merchant's image hosts: one answers (with CORS, as the cross-origin isolated frame needs), one fails (the placeholder shows).
        await page.Context.RouteAsync("https://images.shop.test/**", route => route.FulfillAsync(new()
        {
            Status = 200, ContentType = "image/png", BodyBytes = Png, Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" },
        }));
        await page.Context.RouteAsync("https://gone.shop.test/**", route => route.AbortAsync());
        var widget = new ChatWidget(page);
        await page.GotoAsync(world.Hosts.Url("/bare", merchant.WidgetKey));
        await widget.OpenAsync();
        await widget.StartChatAsync("Shoes", "Dana");
        var chatId = (await expert.ClaimNextOfferAsync()).GetProperty("id").GetGuid();
        await Expect(widget.Log).ToContainTextAsync(merchant.Experts[0].Name);

        var jacketLink = await SendAsync(merchant, chatId, jacket.Id);
        var card = widget.Log.GetByTestId("product").Filter(new() { HasText = "Cairn Down Jacket" });
        var link = card.GetByRole(AriaRole.Link, new() { Name = "Cairn Down Jacket", Exact = true });
        await Expect(link).ToBeVisibleAsync();
        await Expect(link).ToHaveAttributeAsync("href", jacketLink);
        await Expect(link).ToHaveAttributeAsync("target", "_blank");
        await Expect(link).ToHaveAttributeAsync("rel", "noopener");
        await Expect(link).ToHaveAccessibleDescriptionAsync("Navy Sale £149.00 was £189.00 In stock Opens in a new tab");
        await Expect(card.Locator("s")).ToHaveTextAsync("was £189.00");
        await Expect(card.Locator("img")).ToHaveAttributeAsync("crossorigin", "anonymous");
        await Expect(card.Locator("img")).ToHaveJSPropertyAsync("naturalWidth", 1);

        await SendAsync(merchant, chatId, tent.Id);
        var tentCard = widget.Log.GetByTestId("product").Filter(new() { HasText = "Ultra 1 Solo Tent" });
        await Expect(tentCard.GetByRole(AriaRole.Link, new() { Name = "Ultra 1 Solo Tent", Exact = true })).ToBeVisibleAsync();
        await Expect(tentCard.GetByTestId("product-stock")).ToHaveTextAsync("Out of stock");
        await Expect(tentCard.GetByTestId("product-price")).ToHaveTextAsync("£349.00");
        await Expect(tentCard.GetByTestId("product-placeholder")).ToBeVisibleAsync(); // its image did not load
        await Expect(tentCard.Locator("img")).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page, "product cards");

        // The shopper tabs to the card's link and Enter opens the share link in a new tab; a click anywhere on the card
        // does the same; the chat stays where it was.
        await page.Context.RouteAsync(jacketLink, route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<title>Cairn Down Jacket</title>" }));
        await link.FocusAsync();
        await Expect(link).ToBeFocusedAsync();
        var opened = await page.Context.RunAndWaitForPageAsync(() => link.PressAsync("Enter"));
        await opened.WaitForLoadStateAsync();
        Assert.Equal(jacketLink, opened.Url);
        var clicked = await page.Context.RunAndWaitForPageAsync(() => card.GetByTestId("product-price").ClickAsync(new() { Force = true }));
        await clicked.WaitForLoadStateAsync();
        Assert.Equal(jacketLink, clicked.Url);
        await Expect(widget.Log).ToContainTextAsync("Ultra 1 Solo Tent");
    }

    [Fact]
    public async Task On_a_320_px_phone_in_the_shoppers_language_the_card_reads_in_that_language_with_the_merchants_currency()
    {
        var merchant = await world.NewMerchantAsync(chat: s => s.Languages = ["en", "de"]);
        var now = DateTimeOffset.UtcNow;
        var boot = new Product
        {
            MerchantId = merchant.MerchantId, ExternalId = "TRB-45", Title = "Ridgeline Boot", Size = "45", Price = 159m, SalePrice = 129m, Currency = "EUR",
            Availability = ProductAvailability.Preorder, Link = "https://shop.example/trb-45", ContentHash = "x", FirstSeenAt = now, UpdatedAt = now,
        };
        await world.App.InMerchantAsync(merchant.MerchantId, db =>
        {
            db.Products.Add(boot);
            return db.SaveChangesAsync();
        });

        await using var expert = await world.ExpertOnlineAsync(merchant);
        var page = await world.ShopperPageAsync(new ViewportSize { Width = 320, Height = 640 }, mobile: true);
        var widget = new ChatWidget(page);
        await page.GotoAsync(world.Hosts.Url("/bare", merchant.WidgetKey, lang: "de"));
        await widget.OpenAsync();
        await widget.Button("Shoes").ClickAsync();
        await widget.Button("Chat starten").ClickAsync();
        await Expect(widget.Heading("Warten auf einen Experten")).ToBeVisibleAsync();
        var chatId = (await expert.ClaimNextOfferAsync()).GetProperty("id").GetGuid();
        await Expect(widget.Log).ToContainTextAsync(merchant.Experts[0].Name);

        await SendAsync(merchant, chatId, boot.Id);

        var card = widget.Log.GetByTestId("product").Filter(new() { HasText = "Ridgeline Boot" });
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "Ridgeline Boot", Exact = true }))
            .ToHaveAccessibleDescriptionAsync("45 Sale 129,00 € statt 159,00 € Vorbestellbar Öffnet in einem neuen Tab");
        await Expect(card.GetByTestId("product-placeholder")).ToBeVisibleAsync();
        var box = (await card.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 320, $"the card fits the phone: {box.X} + {box.Width}");
        await widget.ScreenshotAsync("widget-product-card-320");
    }

    /// <summary>Sends the product as the scenario's expert (as the inbox and the Store App do) and answers its share link.</summary>
    private async Task<string> SendAsync(RoutingWorld merchant, Guid chatId, Guid productId)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchant.MerchantId);
        var expert = merchant.Experts[0];
        var sent = await scope.ServiceProvider.GetRequiredService<ChatProducts>().SendAsync(expert.Id, expert.Name, chatId, productId, null, fromStoreApp: true);
        Assert.True(sent.Succeeded, sent.Message);
        var token = await world.App.InMerchantAsync(merchant.MerchantId, db => db.ProductShares.Where(s => s.ChatId == chatId && s.ProductId == productId).Select(s => s.Token).SingleAsync());
        Assert.Equal(world.AppBaseUrl + "p/" + token, sent.Value!.Product!.Url);
        return sent.Value.Product.Url;
    }
}
