using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class ChatSettingsJourneyTests(BrowserAppFixture app)
{
    [Fact]
    public async Task Changing_the_theme_colour_changes_the_preview_at_once_and_saving_keeps_it()
    {
        var page = await app.SignedInPageAsync(DemoMerchantSeeder.AdminEmail);
        await page.GotoAsync("/settings/chat");
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);
        var header = page.Locator("[data-testid=widget-preview-header]");
        await Assertions.Expect(header).ToHaveCSSAsync("background-color", "rgb(63, 58, 140)");

        await page.Locator(".mud-tab", new() { HasText = "Theme" }).ClickAsync();
        await page.FillAsync("#primary-colour", "#0B6E4F");

        await Assertions.Expect(header).ToHaveCSSAsync("background-color", "rgb(11, 110, 79)");
        await Assertions.Expect(page.Locator("[data-testid=contrast]")).ToContainTextAsync("AA pass");
        await BrowserAppFixture.ScreenshotAsync(page, "chat-settings-desktop");

        await page.FillAsync("#primary-colour", "#FFE066");
        await Assertions.Expect(page.Locator("[data-testid=contrast]")).ToContainTextAsync("AA pass");
        await page.FillAsync("#primary-colour", "#7A7A7A");
        await Assertions.Expect(page.Locator("[data-testid=contrast]")).ToContainTextAsync("below AA");
        await page.ClickAsync("[data-testid=save-settings]");
        await Assertions.Expect(page.GetByText("Text on this colour is hard to read").First).ToBeVisibleAsync();
        await page.FillAsync("#primary-colour", "#0B6E4F");

        await page.ClickAsync("[data-testid=save-settings]");
        await Assertions.Expect(page.GetByText("On-site chat settings saved")).ToBeVisibleAsync();
        var merchant = await app.App.DemoMerchantAsync();
        Assert.Equal("#0B6E4F", await app.App.InMerchantAsync(merchant.Id, db => db.ChatSettings.Select(s => s.PrimaryColour).SingleAsync()));
        await page.Context.CloseAsync();
    }
}
