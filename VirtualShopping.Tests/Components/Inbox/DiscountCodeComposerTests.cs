using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Products;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Components.Inbox;

/// <summary>The composer's discount-code menu in the web inbox: Ada's active chat with Oskar (see <see cref="InboxTestContext"/>).</summary>
public sealed class DiscountCodeComposerTests : InboxTestContext
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Contexts.CreateDbContextAsync();
        var now = Clock.GetUtcNow();
        db.DiscountCodes.AddRange(
            new DiscountCode { Code = "SAVE10", Description = "10% off your first order", ValidUntil = new DateOnly(2026, 12, 31), ApplyUrlPattern = "https://shop.example/discount/{code}", CreatedAt = now, UpdatedAt = now },
            new DiscountCode { Code = "SUMMER20", Description = "20% off the summer range", ValidUntil = new DateOnly(2026, 9, 30), CreatedAt = now, UpdatedAt = now },
            new DiscountCode { Code = "GONE5", Description = "Archived", CreatedAt = now, UpdatedAt = now, ArchivedAt = now });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_menu_offers_only_usable_codes_and_choosing_one_sends_it_as_a_card_the_shopper_gets()
    {
        var pane = await RenderPaneAsync(Ada, Oskar);

        pane.Find("[data-testid=composer-discount]").Click();

        pane.WaitForAssertion(() => Assert.Single(pane.FindAll("[data-testid=discount-option]")));
        Assert.Contains("SAVE10", pane.Find("[data-testid=discount-option]").TextContent, StringComparison.Ordinal);
        pane.Find("[data-testid=discount-option]").Click();

        pane.WaitForAssertion(() => Assert.Equal("SAVE10", pane.Find("[data-testid=message][data-kind=Discount] [data-testid=discount-code]").TextContent));
        Assert.Equal("10% off your first order", pane.Find("[data-testid=discount-description]").TextContent);
        Assert.Equal("Valid until 31 Dec 2026", pane.Find("[data-testid=discount-until]").TextContent);
        var shopperSees = await Services.GetRequiredService<ChatConversation>().MessagesSinceAsync(Oskar.Id, 0, Oskar.ShopperId, null);
        var sent = Assert.Single(shopperSees!, m => m.Kind == MessageKind.Discount);
        Assert.Equal("https://shop.example/discount/SAVE10", sent.Discount!.ApplyUrl);
        Assert.Equal("Discount code SAVE10: 10% off your first order (valid until 31 Dec 2026)", sent.Text);
    }

    [Fact]
    public async Task In_a_chat_the_expert_cannot_reply_to_there_is_no_discount_button()
    {
        var pane = await RenderPaneAsync(Hana, Quinn);

        Assert.Empty(pane.FindAll("[data-testid=composer-discount]"));
    }
}
