using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;

namespace VirtualShopping.Tests.Browser;

/// <summary>
/// The chat frame on its own (GET /widget/frame), framed by a bare merchant page that speaks the loader's side of
/// the protocol itself: it boots under its strict policy, talks only to the page that framed it, and a shopper
/// with no store open reaches the left-message form with the session created on first need.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ChatFrameTests(BrowserAppFixture app) : IAsyncLifetime
{
    private HostPages host = null!;

    public async ValueTask InitializeAsync() => host = await HostPages.StartAsync();

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Out_of_hours_the_shopper_leaves_a_message_from_the_frame_under_its_strict_policy()
    {
        var (merchantId, key) = await MerchantAsync();
        host.Page = _ => ParentPage(key);
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', function (e) { (window.violations = window.violations || []).push(e.violatedDirective + ' ' + e.blockedURI); });");
        var page = await context.NewPageAsync();

        await page.GotoAsync(host.Url("/"));
        var chat = page.FrameLocator("#chat");
        await chat.GetByRole(AriaRole.Button, new() { Name = "Shoes", Exact = true }).WaitForAsync();
        var frame = page.Frames.Single(f => f.Url.Contains("/widget/frame", StringComparison.Ordinal));

        // 'open' puts the focus on the first control; the merchant's identify() prefills the name.
        Assert.Equal("Shoes", await frame.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await chat.GetByRole(AriaRole.Button, new() { Name = "Shoes", Exact = true }).ClickAsync();
        await Assertions.Expect(chat.GetByLabel("Your name")).ToHaveValueAsync("Ada");
        Assert.Empty(await Messages(page, "state"));
        await chat.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();

        // No store is open: the out-of-hours text heads the left-message form; the new session went to the page to keep.
        await Assertions.Expect(chat.GetByRole(AriaRole.Heading, new() { Name = new AccountSettings().OutOfHoursText })).ToBeVisibleAsync();
        var state = Assert.Single(await Messages(page, "state"));
        Assert.False(string.IsNullOrEmpty(state.GetProperty("state").GetProperty("token").GetString()));
        await chat.GetByLabel("Your email").FillAsync("ada@example.com");
        await chat.GetByRole(AriaRole.Textbox, new() { Name = "Message", Exact = true }).FillAsync("Do you have the trail runners in 38?");
        await chat.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await Assertions.Expect(chat.GetByRole(AriaRole.Heading, new() { Name = "Thank you. We will get back to you soon." })).ToBeVisibleAsync();
        var left = await app.App.InMerchantAsync(merchantId, db => db.LeftMessages.SingleAsync());
        Assert.Equal("Do you have the trail runners in 38?", left.Text);

        // Escape asks the page to close the panel.
        await page.Keyboard.PressAsync("Escape");
        await page.WaitForFunctionAsync("() => window.fromFrame.some(m => m.type === 'close')");
        Assert.Empty(await frame.EvaluateAsync<string[]>("() => window.violations || []"));
        Assert.All(await page.EvaluateAsync<string[]>("() => window.fromFrame.map(m => m.vs + ':' + m.type)"), m => Assert.StartsWith("1:", m, StringComparison.Ordinal));
    }

    private static async Task<List<System.Text.Json.JsonElement>> Messages(IPage page, string type) =>
        [.. (await page.EvaluateAsync<System.Text.Json.JsonElement>("() => window.fromFrame")).EnumerateArray().Where(m => m.GetProperty("type").GetString() == type)];

    /// <summary>The merchant's page: frames the chat and answers it as the loader would.</summary>
    private string ParentPage(string key) => $$"""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1>
        <iframe id="chat" title="Chat" width="380" height="640" src="{{app.BaseUrl}}/widget/frame?key={{key}}&lang=en&origin={{Uri.EscapeDataString(host.Origin)}}"></iframe>
        <script>
          var app = '{{app.BaseUrl}}', frame = document.getElementById('chat');
          window.fromFrame = [];
          addEventListener('message', async function (e) {
            if (e.source !== frame.contentWindow || e.origin !== app) return;
            fromFrame.push(e.data);
            if (e.data.type !== 'ready') return;
            var config = await (await fetch(app + '/api/v1/widget/{{key}}/config?lang=en')).json();
            frame.contentWindow.postMessage({ vs: 1, type: 'init', config: config, state: null, consent: true, identity: { name: 'Ada' }, pageUrl: location.href, language: 'en', open: true }, app);
            frame.focus();
            frame.contentWindow.postMessage({ vs: 1, type: 'open' }, app);
          });
        </script></body></html>
        """;

    /// <summary>A merchant of its own whose only store has no opening hours (never open), allowing the host page.</summary>
    private async Task<(Guid MerchantId, string Key)> MerchantAsync()
    {
        var name = "Frame " + Guid.NewGuid().ToString("N")[..8];
        var merchant = await TestMerchants.CreateAsync(app.App.Services, name, name.Replace(' ', '.') + "@example.com", "Leeds");
        await app.App.InMerchantAsync(merchant.Id, async db =>
        {
            db.ChatSettings.Add(new ChatSettings { AllowedOrigins = [host.Origin], DisplayMode = ChatDisplayMode.AlwaysOn });
            db.Departments.Add(new Department { Name = "Shoes", SortOrder = 0 });
            return await db.SaveChangesAsync();
        });
        return (merchant.Id, merchant.PublicWidgetKey);
    }
}
