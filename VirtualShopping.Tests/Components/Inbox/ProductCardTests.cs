using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Products;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Tests.Components.Inbox;

/// <summary>A product card in the web inbox: the product as it was sent, and a link that opens its page in a new tab.</summary>
public sealed class ProductCardTests : InboxTestContext
{
    private static readonly ProductCardView OnSale = new(
        Guid.NewGuid(), "DPJ-NAV", "Cairn Down Jacket", "Navy, M", "Northfell", "https://img.example/dpj-nav.jpg", 189m, 149m, "GBP", ProductAvailability.InStock, "https://chat.example.com/p/Ab3dEf6hJk9m");

    [Fact]
    public void A_card_on_sale_shows_the_sale_price_with_the_old_price_struck_through_and_opens_the_product_page_in_a_new_tab()
    {
        var card = Render<ProductCard>(p => p.Add(c => c.Product, OnSale));

        Assert.Equal("Cairn Down Jacket", card.Find("[data-testid=product-title]").TextContent);
        Assert.Equal("Navy, M", card.Find("[data-testid=product-variant]").TextContent);
        Assert.Equal("Northfell", card.Find("[data-testid=product-brand]").TextContent);
        Assert.Equal("Sale 149.00 GBP", card.Find("[data-testid=product-sale]").TextContent);
        var was = card.Find("[data-testid=product-was]");
        Assert.Equal("S", was.TagName);
        Assert.Equal("was 189.00 GBP", was.TextContent);
        Assert.Equal("https://img.example/dpj-nav.jpg", card.Find("[data-testid=product-image]").GetAttribute("src"));
        Assert.Contains("In stock", card.Find("[data-testid=product-availability]").TextContent, StringComparison.Ordinal);
        var link = card.Find("a[data-testid=product-link]");
        Assert.Equal(("https://chat.example.com/p/Ab3dEf6hJk9m", "_blank", "noopener"), (link.GetAttribute("href"), link.GetAttribute("target"), link.GetAttribute("rel")));
        Assert.Equal("Open product page (opens in a new tab)", link.TextContent.Trim());
    }

    [Fact]
    public void A_card_without_a_sale_or_an_image_shows_one_price_and_a_placeholder()
    {
        var card = Render<ProductCard>(p => p.Add(c => c.Product, OnSale with { SalePrice = null, ImageUrl = null, Variant = null, Brand = null }));

        Assert.Equal("189.00 GBP", card.Find("[data-testid=product-price]").TextContent.Trim());
        Assert.Empty(card.FindAll("[data-testid=product-sale], [data-testid=product-was], s"));
        Assert.Empty(card.FindAll("img"));
        Assert.Equal("Cairn Down Jacket: no image", card.Find("[data-testid=product-image-placeholder]").GetAttribute("aria-label"));
        Assert.Empty(card.FindAll("[data-testid=product-variant], [data-testid=product-brand]"));
    }

    [Theory]
    [InlineData(ProductAvailability.OutOfStock, "Out of stock")]
    [InlineData(ProductAvailability.Preorder, "Preorder")]
    [InlineData(ProductAvailability.Backorder, "Backorder")]
    public void The_card_shows_the_availability_at_the_moment_it_was_sent(ProductAvailability availability, string label)
    {
        var card = Render<ProductCard>(p => p.Add(c => c.Product, OnSale with { Availability = availability }));

        Assert.Equal(label, card.Find("[data-testid=product-availability]").TextContent.Trim());
    }

    [Fact]
    public async Task A_product_the_expert_sends_shows_as_a_card_in_the_conversation_with_its_share_link()
    {
        var now = Clock.GetUtcNow();
        var product = new Product
        {
            ExternalId = "TRR-39", Title = "Trail Runner GTX", Link = "https://shop.example/trail-runner?size=39", ImageLink = "http://img.example/trr.jpg",
            Price = 119m, Currency = "GBP", Availability = ProductAvailability.InStock, Brand = "Northfell", Size = "39", ContentHash = "x", FirstSeenAt = now, UpdatedAt = now,
        };
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.Products.Add(product);
            await db.SaveChangesAsync();
        }

        var sent = await Services.GetRequiredService<ChatProducts>().SendAsync(Ada.Id, Ada.DisplayName, Oskar.Id, product.Id, null, fromStoreApp: false);
        Assert.True(sent.Succeeded, sent.Message);
        string token;
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            token = await db.ProductShares.Where(s => s.ChatId == Oskar.Id).Select(s => s.Token).SingleAsync();
        }

        var pane = await RenderPaneAsync(Ada, Oskar);
        pane.WaitForAssertion(() => Assert.Equal("Trail Runner GTX", pane.Find("[data-testid=message][data-kind=Product] [data-testid=product-title]").TextContent));
        var message = pane.Find("[data-testid=message][data-kind=Product]");
        Assert.Contains("Ada Expert", message.QuerySelector(".msg-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("39", message.QuerySelector("[data-testid=product-variant]")!.TextContent);
        Assert.Equal(PublicBaseUrl + "p/" + token, message.QuerySelector("[data-testid=product-link]")!.GetAttribute("href"));
        Assert.NotNull(message.QuerySelector("[data-testid=product-image-placeholder]")); // the feed's image is not https
        Assert.Equal(MessageKind.Product, sent.Value!.Kind);
    }
}
