using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace VirtualShopping.Tests.Browser.Widget;

/// <summary>
/// The widget on merchants' pages of another origin: under a strict CSP, cross-origin isolated, with hostile
/// CSS, in consent mode, with nobody to answer (missed) or every store closed, on a phone and by keyboard only.
/// </summary>
[Collection(WidgetBrowserTests.Name)]
public sealed class HostPageJourneyTests(WidgetBrowserFixture world)
{
    private const string Magenta = "rgb(255, 0, 255)";

    [Fact]
    public async Task A_chat_works_on_a_page_whose_strict_policy_allows_only_the_readmes_sources()
    {
        var merchant = await world.NewMerchantAsync();
        await using var expert = await world.ExpertOnlineAsync(merchant);
        var page = await world.ShopperPageAsync();
        var refused = new ConcurrentQueue<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                refused.Enqueue(m.Text);
            }
        };
        var widget = new ChatWidget(page);

        var response = await page.GotoAsync(world.Hosts.Url("/strict", merchant.WidgetKey));
        Assert.Contains("script-src 'nonce-", (await response!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        await widget.OpenAsync();
        await widget.StartChatAsync("Shoes", "Amir");
        var chatId = (await expert.ClaimNextOfferAsync()).GetProperty("id").GetGuid();
        await expert.SendAsync(chatId, "Hello Amir, how can I help?");
        await Expect(widget.Log.GetByText("Hello Amir, how can I help?")).ToBeVisibleAsync();
        await widget.SendAsync("Do you have brogues?");
        await expert.NextMessageAsync(m => m.GetProperty("text").GetString() == "Do you have brogues?");

        Assert.Empty(refused);
    }

    [Fact]
    public async Task A_chat_works_on_a_cross_origin_isolated_page()
    {
        var merchant = await world.NewMerchantAsync();
        await using var expert = await world.ExpertOnlineAsync(merchant);
        var page = await world.ShopperPageAsync();
        var widget = new ChatWidget(page);

        await page.GotoAsync(world.Hosts.Url("/coep", merchant.WidgetKey));
        Assert.True(await page.EvaluateAsync<bool>("() => window.crossOriginIsolated"));
        await widget.OpenAsync();
        await widget.StartChatAsync("Shoes");
        var chatId = (await expert.ClaimNextOfferAsync()).GetProperty("id").GetGuid();
        await expert.SendAsync(chatId, "Welcome to an isolated page.");
        await Expect(widget.Log.GetByText("Welcome to an isolated page.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Hostile_host_css_does_not_reach_the_launcher_or_the_chat()
    {
        var page = await world.ShopperPageAsync();
        var widget = new ChatWidget(page);

        await page.GotoAsync(world.Hosts.Url("/hostile", world.DemoKey));
        await Expect(widget.Launcher).ToBeVisibleAsync();
        var launcher = (await widget.Launcher.BoundingBoxAsync())!;
        Assert.True(launcher.Width >= 40 && launcher.Height >= 40, $"The launcher is {launcher.Width}×{launcher.Height}.");
        Assert.NotEqual("40px", await widget.Launcher.EvaluateAsync<string>("e => getComputedStyle(e).fontSize"));

        await widget.OpenAsync();
        var frame = (await widget.FrameElement.BoundingBoxAsync())!;
        Assert.True(frame.Width >= 300 && frame.Height >= 400, $"The chat frame is {frame.Width}×{frame.Height}.");
        var heading = widget.Frame.GetByRole(AriaRole.Heading, new() { Level = 2 });
        Assert.NotEqual("40px", await heading.EvaluateAsync<string>("e => getComputedStyle(e).fontSize"));
        Assert.NotEqual(Magenta, await heading.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        Assert.Equal("none", await heading.EvaluateAsync<string>("e => getComputedStyle(e).textTransform"));
        await Expect(widget.Button("Womenswear")).ToBeVisibleAsync();
        await widget.Button("Womenswear").ClickAsync();
        await Expect(widget.Button("Start chat")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_widget_changes_nothing_of_the_host_pages_own_look()
    {
        var page = await world.ShopperPageAsync();
        var widget = new ChatWidget(page);

        await page.GotoAsync(world.Hosts.Url("/bare", world.DemoKey, widget: false));
        var without = await HostStylesAsync(page);
        await page.GotoAsync(world.Hosts.Url("/bare", world.DemoKey));
        await Expect(widget.Launcher).ToBeVisibleAsync();
        var withLauncher = await HostStylesAsync(page);
        await widget.OpenAsync();
        var withPanel = await HostStylesAsync(page);

        Assert.Equal(without, withLauncher);
        Assert.Equal(without, withPanel);
    }

    [Fact]
    public async Task In_consent_mode_nothing_is_stored_or_connected_until_the_site_reports_consent()
    {
        var merchant = await world.NewMerchantAsync(chat: s => s.CookieConsent = CookieConsentMode.WaitForConsent);
        await using var expert = await world.ExpertOnlineAsync(merchant);
        var page = await world.ShopperPageAsync();
        var widget = new ChatWidget(page);
        var sockets = new ConcurrentQueue<string>();
        var sessions = new ConcurrentQueue<string>();
        page.WebSocket += (_, s) => sockets.Enqueue(s.Url);
        page.Request += (_, r) =>
        {
            if (r.Url.Contains("/session", StringComparison.Ordinal) || r.Url.Contains("/hubs/", StringComparison.Ordinal))
            {
                sessions.Enqueue(r.Url);
            }
        };

        await page.GotoAsync(world.Hosts.Url("/bare", merchant.WidgetKey));
        await widget.OpenAsync();
        await widget.Button("Shoes").ClickAsync();
        await Expect(widget.Button("Start chat")).ToBeVisibleAsync();

        var before = await widget.StorageAsync();
        Assert.Empty(before.GetProperty("cookies").EnumerateArray());
        Assert.All(before.GetProperty("origins").EnumerateArray(), o => Assert.Empty(o.GetProperty("localStorage").EnumerateArray()));
        Assert.Empty(sockets);
        Assert.Empty(sessions);

        await page.EvaluateAsync("() => vs('consent', true)");
        await widget.Button("Start chat").ClickAsync();
        await Expect(widget.Heading("Waiting for an expert")).ToBeVisibleAsync();
        var chatId = (await expert.ClaimNextOfferAsync()).GetProperty("id").GetGuid();
        await expert.SendAsync(chatId, "Thanks for waiting.");
        await Expect(widget.Log.GetByText("Thanks for waiting.")).ToBeVisibleAsync();

        var after = await widget.StorageAsync();
        Assert.Empty(after.GetProperty("cookies").EnumerateArray());
        var hostStorage = after.GetProperty("origins").EnumerateArray().Single(o => o.GetProperty("origin").GetString() == world.Hosts.Origin);
        Assert.Contains(hostStorage.GetProperty("localStorage").EnumerateArray(), e => e.GetProperty("name").GetString() == "vs:" + merchant.WidgetKey);
    }

    [Fact]
    public async Task A_chat_nobody_claims_in_time_becomes_a_left_message()
    {
        var merchant = await world.NewMerchantAsync(storeApp: s =>
        {
            s.NumberOfWaves = 1;
            s.OfferCountdownSeconds = 2;
            s.ClaimPeriodSeconds = 3;
        });
        await using var expert = await world.ExpertOnlineAsync(merchant); // offered the chat, never claims it
        var page = await world.ShopperPageAsync();
        var widget = new ChatWidget(page);

        await page.GotoAsync(world.Hosts.Url("/bare", merchant.WidgetKey));
        await widget.OpenAsync();
        await widget.StartChatAsync("Shoes", "Hannah", "hannah@example.com");
        await Expect(widget.Button("Send message")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "left message (missed)");
        await widget.Field("Message").FillAsync("Is the trail shoe waterproof?");
        await widget.Button("Send message").ClickAsync();
        await Expect(widget.Button("Send message")).ToHaveCountAsync(0);

        var left = await world.App.InMerchantAsync(merchant.MerchantId, db => Task.FromResult(db.LeftMessages.Single()));
        Assert.Equal(LeftMessageReason.MissedChat, left.Reason);
        Assert.Equal("Is the trail shoe waterproof?", left.Text);
        Assert.Equal("hannah@example.com", left.Email);
    }

    [Fact]
    public async Task With_every_store_closed_the_shopper_leaves_a_message_out_of_hours()
    {
        var merchant = await world.NewMerchantAsync(open: false);
        var page = await world.ShopperPageAsync(new ViewportSize { Width = 1400, Height = 900 });
        var widget = new ChatWidget(page);

        await page.GotoAsync(world.Hosts.Url("/bare", merchant.WidgetKey));
        await widget.OpenAsync();
        await widget.Button("Shoes").ClickAsync();

        // The need is known to be closed from the configuration (departments' availability), or the server says so on start.
        await Expect(widget.Button("Start chat").Or(widget.Button("Send message"))).ToBeVisibleAsync();
        if (await widget.Button("Start chat").IsVisibleAsync())
        {
            await widget.Button("Start chat").ClickAsync();
        }

        await Expect(widget.Button("Send message")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "left message (out of hours)");
        await widget.Field("Your name").FillAsync("Matti");
        await widget.Field("Your phone").FillAsync("+447700900123");
        await widget.Field("Message").FillAsync("When do you open tomorrow?");
        await widget.ScreenshotAsync("widget-left-message");
        await widget.Button("Send message").ClickAsync();
        await Expect(widget.Button("Send message")).ToHaveCountAsync(0);

        var left = await world.App.InMerchantAsync(merchant.MerchantId, db => Task.FromResult(db.LeftMessages.Single()));
        Assert.Equal(LeftMessageReason.OutOfHours, left.Reason);
        Assert.Equal("When do you open tomorrow?", left.Text);
    }

    [Fact]
    public async Task On_a_phone_the_panel_fits_the_screen_and_the_inputs_do_not_zoom()
    {
        await using var expert = await world.DemoExpertOnlineAsync();
        var page = await world.ShopperPageAsync(new ViewportSize { Width = 390, Height = 844 }, mobile: true);
        var widget = new ChatWidget(page);

        await page.GotoAsync(world.ShopUrl("/products/harbour-wool-coat"));
        await Expect(widget.Launcher).ToBeVisibleAsync();
        await widget.ScreenshotAsync("widget-launcher-phone");
        await widget.OpenAsync();
        await widget.StartChatAsync("Womenswear");
        var chatId = (await expert.ClaimNextOfferAsync()).GetProperty("id").GetGuid();
        await expert.SendAsync(chatId, "Hi! The coat runs true to size.");
        await Expect(widget.Log.GetByText("Hi! The coat runs true to size.")).ToBeVisibleAsync();

        var box = (await widget.FrameElement.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= 390.5 && box.Y + box.Height <= 844.5, $"The panel is at {box.X},{box.Y} {box.Width}×{box.Height}.");
        await Expect(widget.Composer).ToBeInViewportAsync();
        Assert.True(await widget.Composer.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)") >= 16);
        await widget.SendAsync("Great, thanks!");
        await expert.NextMessageAsync(m => m.GetProperty("text").GetString() == "Great, thanks!");
        await Axe.AssertNoViolationsAsync(page, "conversation on a phone");
        await widget.ScreenshotAsync("widget-conversation-phone");
    }

    [Fact]
    public async Task A_keyboard_alone_opens_the_chat_starts_it_and_escape_returns_focus_to_the_launcher()
    {
        var merchant = await world.NewMerchantAsync();
        var page = await world.ShopperPageAsync();
        var widget = new ChatWidget(page);
        await page.GotoAsync(world.Hosts.Url("/bare", merchant.WidgetKey));
        await Expect(widget.Launcher).ToBeVisibleAsync();

        await TabUntilAsync(page, () => widget.Launcher.EvaluateAsync<bool>("e => e.getRootNode().activeElement === e"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(widget.Panel).ToBeVisibleAsync();
        var frame = page.Frames.Single(f => f.Url.Contains("/widget/frame", StringComparison.Ordinal));
        await frame.WaitForFunctionAsync("() => document.activeElement && document.activeElement !== document.body");

        await TabUntilAsync(page, () => frame.EvaluateAsync<bool>("() => document.activeElement.textContent.trim() === 'Shoes'"));
        await page.Keyboard.PressAsync("Enter");
        await TabUntilAsync(page, () => frame.EvaluateAsync<bool>("() => document.activeElement.labels && document.activeElement.labels[0] && document.activeElement.labels[0].textContent.trim() === 'Your name'"));
        await page.Keyboard.TypeAsync("Kim");
        await TabUntilAsync(page, () => frame.EvaluateAsync<bool>("() => document.activeElement.textContent.trim() === 'Start chat'"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(widget.Heading("Waiting for an expert")).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Escape");
        await Expect(widget.Panel).ToBeHiddenAsync();
        await Expect(widget.Launcher).ToBeFocusedAsync();
    }

    /// <summary>Presses Tab until the condition holds (at most 40 times), as a keyboard user moves through the page.</summary>
    private static async Task TabUntilAsync(IPage page, Func<Task<bool>> reached)
    {
        for (var i = 0; i < 40; i++)
        {
            if (await reached())
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail("Forty presses of Tab never reached the control.");
    }

    /// <summary>The computed look of the host page's own elements.</summary>
    private static async Task<string> HostStylesAsync(IPage page) =>
        (await page.EvaluateAsync<JsonElement>("""
            () => ['body', '#host-heading', '#host-probe', '#host-link', '#host-button'].map(selector => {
              const s = getComputedStyle(document.querySelector(selector));
              return [selector, s.fontFamily, s.fontSize, s.lineHeight, s.color, s.backgroundColor, s.letterSpacing, s.margin, s.padding, s.border, s.display, s.position, s.overflow].join(' | ');
            })
            """)).ToString();
}
