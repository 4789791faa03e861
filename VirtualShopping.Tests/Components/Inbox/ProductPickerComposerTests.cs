using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Tests.Components.Inbox;

/// <summary>The composer's product picker in the web inbox: Ada's active chat with Oskar (see <see cref="InboxTestContext"/>).</summary>
public sealed class ProductPickerComposerTests : InboxTestContext
{
    private Guid boot;
    private Guid jacket;
    private Guid tent;

    private async Task SeedAsync()
    {
        var m = Merchant.Id;
        var products = new[]
        {
            TestProducts.New(m, "TRB-42", "Ridgeline Hiking Boot", "Northfell", 159m, color: "Brown", size: "42"),
            TestProducts.New(m, "DPJ-NAV", "Cairn Down Jacket", "Fellstride", 189m, sale: 149m, color: "Navy"),
            TestProducts.New(m, "TNT-S2", "Summit 2 Tent", "Skerry", 299m, inFeed: false),
        };
        (boot, jacket, tent) = (products[0].Id, products[1].Id, products[2].Id);
        await using var db = await Contexts.CreateDbContextAsync();
        db.Products.AddRange(products);
        await db.SaveChangesAsync();
    }

    private static string[] Titles(IRenderedComponent<ConversationPane> pane) => [.. pane.FindAll("[data-testid=picker-title]").Select(t => t.TextContent)];

    private async Task<IRenderedComponent<ConversationPane>> OpenAsync()
    {
        var pane = await RenderPaneAsync(Ada, Oskar);
        pane.Find("[data-testid=composer-product]").Click();
        pane.WaitForAssertion(() => pane.Find("[data-testid=product-picker]"));
        return pane;
    }

    private void Type(IRenderedComponent<ConversationPane> pane, string text)
    {
        pane.Find("#product-picker-search").Input(text);
        Clock.Advance(ProductPickerMenu.Debounce);
    }

    private async Task<List<MessageView>> ShopperSeesAsync() =>
        [.. (await Services.GetRequiredService<ChatConversation>().MessagesSinceAsync(Oskar.Id, 0, Oskar.ShopperId, null))!];

    [Fact]
    public async Task With_an_empty_catalogue_the_picker_says_HQ_imports_the_feed()
    {
        var pane = await OpenAsync();

        pane.WaitForAssertion(() => Assert.Equal("No products yet. HQ imports the product feed on the Products page.", pane.Find("[data-testid=product-picker-empty]").TextContent));
    }

    [Fact]
    public async Task The_picker_lists_favourites_first_searches_after_a_pause_and_says_when_nothing_matches_or_the_term_is_too_long()
    {
        await SeedAsync();
        await Services.GetRequiredService<ProductPicker>().SetFavouriteAsync(Ada.Id, tent, true);
        var pane = await OpenAsync();

        pane.WaitForAssertion(() => Assert.Equal(["Summit 2 Tent", "Cairn Down Jacket", "Ridgeline Hiking Boot"], Titles(pane)));
        var rows = pane.FindAll("[data-testid=picker-product]");
        Assert.Equal("Out of stock", rows[0].QuerySelector("[data-testid=picker-availability]")!.TextContent.Trim());
        Assert.Equal("true", rows[0].QuerySelector("[data-testid=favourite-star]")!.GetAttribute("aria-pressed"));
        Assert.Equal("Sale 149.00 GBP was 189.00 GBP", rows[1].QuerySelector("[data-testid=picker-price]")!.TextContent.Trim());
        Assert.Equal("Navy", rows[1].QuerySelector("[data-testid=picker-variant]")!.TextContent);
        Assert.NotNull(rows[1].QuerySelector("[data-testid=product-image]"));

        pane.Find("#product-picker-search").Input("jack");
        Assert.Equal(3, Titles(pane).Length); // not yet: the picker waits for a pause in typing
        Clock.Advance(ProductPickerMenu.Debounce);
        pane.WaitForAssertion(() => Assert.Equal(["Cairn Down Jacket"], Titles(pane)));

        Type(pane, "kayak");
        pane.WaitForAssertion(() => Assert.Equal("No products match “kayak”.", pane.Find("[data-testid=product-picker-none]").TextContent));

        Type(pane, new string('x', 101));
        pane.WaitForAssertion(() => Assert.Contains(ProductPicker.TermTooLong, pane.Find("[data-testid=product-picker]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Arrow_keys_move_enter_sends_the_product_card_and_escape_closes()
    {
        await SeedAsync();
        var pane = await OpenAsync();
        pane.WaitForAssertion(() => Assert.Equal(3, Titles(pane).Length));

        pane.Find("[data-testid=product-picker]").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        Assert.Empty(pane.FindAll("[data-testid=product-picker]"));

        pane.Find("[data-testid=composer-product]").Click();
        pane.WaitForAssertion(() => Assert.Equal(3, Titles(pane).Length));
        var picker = pane.Find("[data-testid=product-picker]");
        picker.KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        pane.Find("[data-testid=product-picker]").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        pane.Find("[data-testid=product-picker]").KeyDown(new KeyboardEventArgs { Key = "ArrowUp" });
        Assert.Equal("true", pane.FindAll("[data-testid=picker-product]")[1].GetAttribute("data-active"));
        pane.Find("[data-testid=product-picker]").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        pane.WaitForAssertion(() => Assert.Empty(pane.FindAll("[data-testid=product-picker]")));
        pane.WaitForAssertion(() => Assert.Equal(2, pane.FindAll("[data-testid=message]").Count)); // Oskar's question, then the card
        var card = Assert.Single(await ShopperSeesAsync(), m => m.Kind == MessageKind.Product);
        Assert.Equal(("Ridgeline Hiking Boot", "Brown, 42"), (card.Product!.Title, card.Product.Variant));
        Assert.StartsWith(PublicBaseUrl + "p/", card.Product.Url, StringComparison.Ordinal);
        // The share is stored once the card is (the inbox may show the card a moment before).
        pane.WaitForAssertion(() =>
        {
            using var db = Contexts.CreateDbContext();
            Assert.Equal(Ada.Id, db.ProductShares.Single(s => s.ChatId == Oskar.Id).StaffMemberId);
        });
    }

    [Fact]
    public async Task Clicking_a_product_sends_it_and_the_star_toggles_the_experts_favourite()
    {
        await SeedAsync();
        var pane = await OpenAsync();
        pane.WaitForAssertion(() => Assert.Equal(3, Titles(pane).Length));

        var star = pane.Find($"[data-testid=favourite-star][data-product-id='{boot}']");
        Assert.Equal("false", star.GetAttribute("aria-pressed"));
        star.Click();
        pane.WaitForAssertion(() => Assert.Equal("true", pane.Find($"[data-testid=favourite-star][data-product-id='{boot}']").GetAttribute("aria-pressed")));
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            Assert.Equal(boot, (await db.ProductFavourites.SingleAsync(f => f.StaffMemberId == Ada.Id)).ProductId);
        }

        pane.Find($"[data-testid=picker-product][data-product-id='{jacket}'] button.picker-send").Click();

        pane.WaitForAssertion(() => Assert.Empty(pane.FindAll("[data-testid=product-picker]")));
        pane.WaitForAssertion(() => Assert.Equal(2, pane.FindAll("[data-testid=message]").Count)); // Oskar's question, then the card
        var card = Assert.Single(await ShopperSeesAsync(), m => m.Kind == MessageKind.Product);
        Assert.Equal(("Cairn Down Jacket", (decimal?)149m), (card.Product!.Title, card.Product.SalePrice));
    }

    [Fact]
    public async Task In_a_chat_the_expert_cannot_reply_to_there_is_no_product_button()
    {
        var pane = await RenderPaneAsync(Hana, Quinn);

        Assert.Empty(pane.FindAll("[data-testid=composer-product]"));
    }
}
