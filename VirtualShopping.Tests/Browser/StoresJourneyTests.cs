using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class StoresJourneyTests(BrowserAppFixture app)
{
    [Fact]
    public async Task Admin_creates_a_store_through_the_dashboard_and_finds_it_in_the_index()
    {
        var page = await app.SignedInPageAsync(DemoMerchantSeeder.AdminEmail);
        await page.GotoAsync("/stores");
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByText("London Oxford Street")).ToBeVisibleAsync();
        await BrowserAppFixture.ScreenshotAsync(page, "stores-desktop");

        await page.ClickAsync("[data-testid=add-store]");
        await page.Locator("#store-name").WaitForAsync();

        // Saving the empty form shows the field messages and saves nothing.
        await page.ClickAsync("[data-testid=save-store]");
        await Assertions.Expect(page.GetByText("Enter the store's name.").First).ToBeVisibleAsync();
        await BrowserAppFixture.ScreenshotAsync(page, "store-dialog-validation");

        await page.FillAsync("#store-name", "Edinburgh Princes Street");
        await page.FillAsync("#store-code", "EDI01");
        await page.FillAsync("#store-address1", "48 Princes Street");
        await page.FillAsync("#store-city", "Edinburgh");
        await page.FillAsync("#store-postal", "EH2 2YJ");
        await page.FillAsync("#store-country", "United Kingdom");
        await page.Locator(".mud-popover-open").GetByText("United Kingdom (GB)").ClickAsync();
        await page.FillAsync("#store-timezone", "Europe/London");
        await page.Locator(".mud-popover-open").GetByText("Europe/London", new() { Exact = true }).ClickAsync();
        await page.ClickAsync("[data-testid=save-store]");

        await Assertions.Expect(page.GetByText("Store “Edinburgh Princes Street” saved")).ToBeVisibleAsync();
        await page.FillAsync("[data-testid=store-search]", "Edinburgh");
        await Assertions.Expect(page.Locator("[data-testid=store-row]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=store-row]")).ToContainTextAsync("EDI01");

        var merchant = await app.App.DemoMerchantAsync();
        var saved = await app.App.InMerchantAsync(merchant.Id, db => db.Stores.SingleAsync(s => s.Code == "EDI01"));
        Assert.Equal("Edinburgh Princes Street", saved.Name);
        Assert.Equal("GB", saved.Address.CountryCode);
        Assert.Equal(7, saved.OpeningHours.Count);

        // The audit log shows who created it.
        await page.GotoAsync("/settings/audit-log");
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);
        await page.FillAsync("[data-testid=audit-search]", "Edinburgh");
        await Assertions.Expect(page.Locator("[data-testid=audit-row]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=audit-row]")).ToContainTextAsync("Edinburgh Princes Street");
        await Assertions.Expect(page.Locator(".mud-table-row", new() { HasText = "Edinburgh Princes Street" }).First).ToContainTextAsync("Alex Morgan");
        await BrowserAppFixture.ScreenshotAsync(page, "audit-log-desktop");

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Stores_index_works_at_phone_width()
    {
        var page = await app.SignedInPageAsync(DemoMerchantSeeder.SupportEmail, viewport: new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync("/stores");
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);

        await Assertions.Expect(page.GetByText("Helsinki Aleksanterinkatu")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=add-store]")).ToBeVisibleAsync();
        await BrowserAppFixture.ScreenshotAsync(page, "stores-phone");
        await page.Context.CloseAsync();
    }
}
