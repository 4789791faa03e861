using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class StaffJourneyTests(BrowserAppFixture app)
{
    [Fact]
    public async Task Manager_approves_an_expert_who_joined_with_the_invite_code()
    {
        var page = await app.SignedInPageAsync(DemoMerchantSeeder.ManagerEmail);
        await page.GotoAsync("/staff?status=PendingApproval");
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);

        var row = page.Locator(".mud-table-row", new() { HasText = "Chloe Evans" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await BrowserAppFixture.ScreenshotAsync(page, "staff-desktop");
        await row.Locator("[data-testid=approve-staff]").ClickAsync();

        await Assertions.Expect(page.GetByText("Chloe Evans approved: they can sign in now")).ToBeVisibleAsync();
        var merchant = await app.App.DemoMerchantAsync();
        var chloe = await app.App.InMerchantAsync(merchant.Id, db => db.StaffMembers.SingleAsync(s => s.Email == "chloe.evans@demo-outfitters.example"));
        Assert.Equal(StaffStatus.Active, chloe.Status);

        await page.Locator(".mud-tab", new() { HasText = "Teams" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=team-row]").First).ToBeVisibleAsync();
        await BrowserAppFixture.ScreenshotAsync(page, "teams-desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Admin_invites_a_colleague_and_gets_a_one_time_link()
    {
        var page = await app.SignedInPageAsync(DemoMerchantSeeder.AdminEmail, viewport: new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync("/staff");
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);
        await BrowserAppFixture.ScreenshotAsync(page, "staff-phone");

        await page.ClickAsync("[data-testid=invite-staff]");
        await page.Locator("#staff-name").WaitForAsync();
        await page.FillAsync("#staff-name", "Nina Patel");
        await BrowserAppFixture.ScreenshotAsync(page, "staff-dialog-phone");
        await page.FillAsync("#staff-email", "not-an-email");
        await page.ClickAsync("[data-testid=save-staff]");
        await Assertions.Expect(page.GetByText("Enter a valid email address.")).ToBeVisibleAsync();

        await page.FillAsync("#staff-email", "nina.patel@demo-outfitters.example");
        await page.ClickAsync("[data-testid=save-staff]");

        await Assertions.Expect(page.Locator("#invitation-link")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/account/invitation\\?token="));
        await BrowserAppFixture.ScreenshotAsync(page, "staff-invited-phone");
        await page.Context.CloseAsync();
    }
}
