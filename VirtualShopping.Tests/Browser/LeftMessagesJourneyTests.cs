using Microsoft.Playwright;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.LeftMessages;

namespace VirtualShopping.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class LeftMessagesJourneyTests(BrowserAppFixture app)
{
    [Fact]
    public async Task Expert_answers_a_missed_chats_message_by_email_from_a_phone()
    {
        var page = await app.SignedInPageAsync(DemoMerchantSeeder.ExpertEmail, viewport: new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync("/left-messages");
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);

        var hannah = page.Locator("[data-testid=left-message]", new() { HasText = "Hannah Kim" });
        await Assertions.Expect(hannah).ToContainTextAsync("Missed chat");
        await BrowserAppFixture.ScreenshotAsync(page, "left-messages-phone");

        await hannah.Locator("[data-testid=answer]").ClickAsync();
        await hannah.Locator("textarea[data-testid=reply-text]").FillAsync("Hi Hannah, it's a snug two. Rucksacks go in the porch!");
        var sent = app.App.Jobs.NextPerformedAsync<LeftMessageReplyJob>();
        await hannah.Locator("[data-testid=send-reply]").ClickAsync();
        await Assertions.Expect(page.GetByText("Answer to Hannah Kim is on its way")).ToBeVisibleAsync();

        // Hangfire sends it through the app's SMTP server.
        await sent;
        Assert.Contains("it's a snug two", (await app.Smtp.MessageToAsync("hannah.kim@example.com")).TextBody, StringComparison.Ordinal);

        await page.SetViewportSizeAsync(1400, 900);
        await page.ReloadAsync();
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);
        await page.Locator("input[data-testid=show-answered]").CheckAsync();
        var answered = page.Locator("[data-testid=left-message]", new() { HasText = "Hannah Kim" });
        await Assertions.Expect(answered.Locator("[data-testid=reply]")).ToContainTextAsync("sent");
        await BrowserAppFixture.ScreenshotAsync(page, "left-messages-desktop");
        await page.Context.CloseAsync();
    }
}
