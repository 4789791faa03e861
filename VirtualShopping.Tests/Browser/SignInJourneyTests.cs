using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class SignInJourneyTests(BrowserAppFixture app)
{
    [Fact]
    public async Task Admin_signs_in_and_sees_real_figures_and_every_area_in_the_navigation()
    {
        var page = await app.SignedInPageAsync(DemoMerchantSeeder.AdminEmail);
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(DemoMerchantSeeder.MerchantName);
        var merchant = await app.App.DemoMerchantAsync();
        var activeStores = await app.App.InMerchantAsync(merchant.Id, db => db.Stores.CountAsync(s => s.Status == StoreStatus.Active));
        Assert.True(activeStores >= 5);
        await Assertions.Expect(page.Locator("[data-testid=figure-stores] .figure-value")).ToHaveTextAsync(activeStores.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var area in new[] { "Stores index", "Teams & staff", "Inbox", "Contacts", "Products", "Attribution & reports", "On-site chat", "Store App", "Account", "Notifications", "Integrations" })
        {
            await Assertions.Expect(page.Locator(".mud-navmenu").GetByText(area).First).ToBeVisibleAsync();
        }

        await BrowserAppFixture.ScreenshotAsync(page, "home-desktop");
        await page.ClickAsync("[data-testid=dark-mode-toggle]");

        // The choice is remembered for the next visit (written through JS interop, so wait for it).
        await page.WaitForFunctionAsync("() => localStorage.getItem('vs.theme') === 'dark'");
        await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(21, 20, 31)");
        await BrowserAppFixture.ScreenshotAsync(page, "home-dark");
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync(); // as a phone opens it, not mid-way through the drawer's resize animation
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);
        await BrowserAppFixture.ScreenshotAsync(page, "home-phone");

        await page.GotoAsync("/settings/store-app");
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=wave-preview]")).ToContainTextAsync("missed after");
        await BrowserAppFixture.ScreenshotAsync(page, "store-app-settings-phone");
        await page.SetViewportSizeAsync(1400, 900);
        await BrowserAppFixture.ScreenshotAsync(page, "store-app-settings-desktop");

        await page.GotoAsync("/settings/account");
        await Assertions.Expect(page.Locator("#sender-id")).ToHaveValueAsync("DemoOutfit");
        await BrowserAppFixture.ScreenshotAsync(page, "account-settings-desktop");

        await page.GotoAsync("/settings/departments");
        await Assertions.Expect(page.Locator("[data-testid=department-row]")).ToHaveCountAsync(5);
        await BrowserAppFixture.ScreenshotAsync(page, "departments-desktop");

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Wrong_password_shows_a_message_and_stays_on_sign_in()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", DemoMerchantSeeder.AdminEmail);
        await page.FillAsync("#password", "wrong password");
        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToHaveTextAsync("The email or password is not right.");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await context.CloseAsync();
    }
}
