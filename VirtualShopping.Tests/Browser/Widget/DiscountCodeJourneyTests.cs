using Microsoft.Playwright;
using VirtualShopping.Domain.Products;
using VirtualShopping.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace VirtualShopping.Tests.Browser.Widget;

/// <summary>A discount code the expert sends, as the shopper sees it in the widget: Copy (or select it by hand) and Apply.</summary>
[Collection(WidgetBrowserTests.Name)]
public sealed class DiscountCodeJourneyTests(WidgetBrowserFixture world)
{
    [Fact]
    public async Task The_shopper_copies_the_code_and_gets_an_apply_link_for_the_top_window_only_when_there_is_a_pattern()
    {
        var (page, widget, expert, chatId, codes) = await ChatWithCodesAsync();
        await using var _ = expert;
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);

        await SendCodeAsync(expert, chatId, codes.Save10);
        var card = widget.Log.GetByTestId("discount").Filter(new() { HasText = "SAVE10" });
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("10% off your first order");
        await Expect(card).ToContainTextAsync("Valid until Dec 31, 2099");
        var apply = card.GetByRole(AriaRole.Link, new() { Name = "Apply to cart" });
        await Expect(apply).ToHaveAttributeAsync("href", "https://shop.example/discount/SAVE10");
        await Expect(apply).ToHaveAttributeAsync("target", "_top");
        await Axe.AssertNoViolationsAsync(page, "discount card");

        await card.GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Copied" })).ToBeVisibleAsync();
        Assert.Equal("SAVE10", await page.EvaluateAsync<string>("navigator.clipboard.readText()")); // the host page reads what the frame wrote

        await SendCodeAsync(expert, chatId, codes.FreeDelivery);
        var free = widget.Log.GetByTestId("discount").Filter(new() { HasText = "FREEDELIVERY" });
        await Expect(free).ToBeVisibleAsync();
        await Expect(free.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Without_a_clipboard_the_code_is_selected_for_the_shopper_to_copy()
    {
        var (page, widget, expert, chatId, codes) = await ChatWithCodesAsync(withoutClipboard: true);
        await using var _ = expert;

        await SendCodeAsync(expert, chatId, codes.Save10);
        var card = widget.Log.GetByTestId("discount").Filter(new() { HasText = "SAVE10" });
        await card.GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();

        await Expect(card).ToContainTextAsync("Select the code to copy it");
        Assert.Equal("SAVE10", await ChatFrame(page).EvaluateAsync<string>("String(window.getSelection())"));
    }

    private async Task<(IPage Page, ChatWidget Widget, ExpertAgent Expert, Guid ChatId, (Guid Save10, Guid FreeDelivery) Codes)> ChatWithCodesAsync(bool withoutClipboard = false)
    {
        var merchant = await world.NewMerchantAsync();
        var now = DateTimeOffset.UtcNow;
        var save10 = new DiscountCode
        {
            MerchantId = merchant.MerchantId, Code = "SAVE10", Description = "10% off your first order", ValidUntil = new DateOnly(2099, 12, 31),
            ApplyUrlPattern = "https://shop.example/discount/{code}", CreatedAt = now, UpdatedAt = now,
        };
        var free = new DiscountCode { MerchantId = merchant.MerchantId, Code = "FREEDELIVERY", Description = "Free delivery", CreatedAt = now, UpdatedAt = now };
        await world.App.InMerchantAsync(merchant.MerchantId, db =>
        {
            db.DiscountCodes.AddRange(save10, free);
            return db.SaveChangesAsync();
        });

        var expert = await world.ExpertOnlineAsync(merchant);
        var page = await world.ShopperPageAsync();
        if (withoutClipboard)
        {
            await page.Context.AddInitScriptAsync("Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });");
        }

        var widget = new ChatWidget(page);
        await page.GotoAsync(world.Hosts.Url("/bare", merchant.WidgetKey));
        await widget.OpenAsync();
        await widget.StartChatAsync("Shoes", "Dana");
        var chat = await expert.ClaimNextOfferAsync();
        await Expect(widget.Log).ToContainTextAsync(merchant.Experts[0].Name);
        return (page, widget, expert, chat.GetProperty("id").GetGuid(), (save10.Id, free.Id));
    }

    private static IFrame ChatFrame(IPage page) => page.Frames.Single(f => f.Url.Contains("/widget/frame", StringComparison.Ordinal));

    private static async Task SendCodeAsync(ExpertAgent expert, Guid chatId, Guid codeId)
    {
        var sent = await expert.Client.PostAsync($"/api/v1/expert/chats/{chatId}/discount-codes/{codeId}", null);
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
    }
}
