using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;

namespace VirtualShopping.Tests.Browser;

/// <summary>
/// The loader on a bare merchant page (another origin than the app): display modes and rules, the dismissed
/// bubble, nothing stored or connected before the shopper interacts (or consents), the frame protocol and the
/// API's warnings. The chat frame is a stand-in speaking the contract's protocol, so these tests judge the loader alone.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed partial class WidgetLoaderJourneyTests(BrowserAppFixture app) : IAsyncLifetime
{
    private const string ReadyFlag = "vs('on', 'ready', function () { window.vsReady = true; });";

    /// <summary>Speaks the frame side of the protocol: boots, answers init with a session state, focuses on open, closes on Escape.</summary>
    private const string StandInFrame = """
        <!doctype html><html lang="en"><body><button id="first">First control</button><script>
        var host = new URLSearchParams(location.search).get('origin');
        window.received = [];
        addEventListener('message', function (e) {
          if (e.source !== parent || e.origin !== host) return;
          received.push(e.data);
          if (e.data.type === 'init') parent.postMessage({ vs: 1, type: 'state', state: e.data.state || { token: 'token-1', shopperId: 'shopper-1', expiresAt: new Date(Date.now() + 864e5).toISOString(), chatId: 'chat-1', lastSeq: 0 } }, host);
          if (e.data.type === 'open') document.getElementById('first').focus();
        });
        addEventListener('keydown', function (e) { if (e.key === 'Escape') parent.postMessage({ vs: 1, type: 'close' }, host); });
        parent.postMessage({ vs: 1, type: 'ready' }, host);
        </script></body></html>
        """;

    private HostPages host = null!;

    public async ValueTask InitializeAsync() => host = await HostPages.StartAsync();

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Url_patterns_decide_where_the_launcher_shows_and_excludes_win()
    {
        var key = await MerchantAsync(s =>
        {
            s.IncludeUrlPatterns = ["*/WOMEN/*"];
            s.ExcludeUrlPatterns = ["*/women/sale/*"];
        });
        var page = await NewPageAsync(key);

        await OpenAsync(page, "/women/dresses");
        await Assertions.Expect(Launcher(page)).ToBeVisibleAsync();
        await OpenAsync(page, "/women/sale/dresses");
        await Assertions.Expect(Launcher(page)).ToBeHiddenAsync();
        await OpenAsync(page, "/men/shirts");
        await Assertions.Expect(Launcher(page)).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_desktop_only_launcher_shows_on_a_desktop_but_not_on_a_phone()
    {
        var key = await MerchantAsync(s => s.ShowOnMobile = false);

        var desktop = await NewPageAsync(key);
        await OpenAsync(desktop, "/");
        await Assertions.Expect(Launcher(desktop)).ToBeVisibleAsync();

        var phone = await NewPageAsync(key, phone: true);
        await OpenAsync(phone, "/");
        await Assertions.Expect(Launcher(phone)).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Operating_hours_mode_shows_no_launcher_while_every_store_is_closed_but_always_on_does()
    {
        // The test merchant's store has no opening hours: it is never open.
        var closed = await MerchantAsync(s => s.DisplayMode = ChatDisplayMode.OperatingHours);
        var page = await NewPageAsync(closed);
        await OpenAsync(page, "/");
        await Assertions.Expect(Launcher(page)).ToBeHiddenAsync();

        var alwaysOn = await MerchantAsync(s => s.DisplayMode = ChatDisplayMode.AlwaysOn);
        var other = await NewPageAsync(alwaysOn);
        await OpenAsync(other, "/");
        await Assertions.Expect(Launcher(other)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Expert_available_mode_shows_no_launcher_when_no_expert_is_available()
    {
        var key = await MerchantAsync(s => s.DisplayMode = ChatDisplayMode.WhenExpertAvailable);
        var page = await NewPageAsync(key);
        await OpenAsync(page, "/");
        await Assertions.Expect(Launcher(page)).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_dismissed_needs_selector_bubble_stays_hidden_after_a_reload()
    {
        var key = await MerchantAsync(s => s.LauncherStyle = LauncherStyle.NeedsSelector, "Menswear");
        var page = await NewPageAsync(key);
        await OpenAsync(page, "/");
        var department = page.GetByRole(AriaRole.Button, new() { Name = "Menswear" });
        await Assertions.Expect(department).ToBeVisibleAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Assertions.Expect(department).ToBeHiddenAsync();
        var until = await page.EvaluateAsync<double>($"() => Number(localStorage.getItem('vs:{key}:dismissed'))");
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.InRange(until, now + (47 * 3_600_000), now + (49 * 3_600_000));

        await OpenAsync(page, "/");
        await Assertions.Expect(Launcher(page)).ToBeVisibleAsync();
        await Assertions.Expect(department).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Nothing_is_stored_and_nothing_connects_before_the_shopper_interacts()
    {
        var key = await MerchantAsync(_ => { });
        var page = await NewPageAsync(key);
        var requests = new ConcurrentQueue<string>();
        var sockets = new ConcurrentQueue<string>();
        page.Request += (_, request) => requests.Enqueue(request.Method + " " + request.Url);
        page.WebSocket += (_, socket) => sockets.Enqueue(socket.Url);
        var events = await CaptureEventsAsync(page);

        await OpenAsync(page, "/", ReadyFlag + "vs('track', { type: 'add', products: [{ id: 'sku-1', name: 'Shirt', price: 30, currency: 'EUR', quantity: 1 }] });");
        await Assertions.Expect(Launcher(page)).ToBeVisibleAsync();

        Assert.Equal(string.Empty, await page.EvaluateAsync<string>("() => document.cookie"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length"));
        Assert.Empty((await page.Context.CookiesAsync()));
        Assert.Empty(sockets);
        Assert.Empty(events);
        Assert.DoesNotContain(requests, r => r.Contains("/hubs/", StringComparison.Ordinal) || r.Contains("/session", StringComparison.Ordinal) || r.Contains("/widget/frame", StringComparison.Ordinal));

        // The shopper interacts: the frame comes, its session is kept under vs:{key}, the held event is sent with it.
        await Launcher(page).ClickAsync();
        await page.WaitForFunctionAsync($"() => localStorage.getItem('vs:{key}') !== null");
        Assert.Contains("\"token\":\"token-1\"", await page.EvaluateAsync<string>($"() => localStorage.getItem('vs:{key}')"), StringComparison.Ordinal);
        var sent = await WaitForAsync(events);
        Assert.Equal("Bearer token-1", sent.Authorization);
        Assert.Contains("\"sku-1\"", sent.Body, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await page.EvaluateAsync<string>("() => document.cookie"));
        Assert.Empty(await page.Context.CookiesAsync());
    }

    [Fact]
    public async Task Consent_mode_stores_nothing_until_the_site_reports_consent()
    {
        var key = await MerchantAsync(s => s.CookieConsent = CookieConsentMode.WaitForConsent);
        var page = await NewPageAsync(key);
        await OpenAsync(page, "/");

        await Launcher(page).ClickAsync();
        var frame = page.FrameLocator("iframe[title=Chat]");
        await Assertions.Expect(frame.Locator("#first")).ToBeFocusedAsync();
        var init = await FrameAsync(page).EvaluateAsync<bool>("() => received.find(m => m.type === 'init').consent");
        Assert.False(init);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));

        await page.EvaluateAsync("() => vs('consent', true)");
        await page.WaitForFunctionAsync($"() => localStorage.getItem('vs:{key}') !== null");
        Assert.True(await FrameAsync(page).EvaluateAsync<bool>("() => received.some(m => m.type === 'consent' && m.granted === true)"));

        // Withdrawn: the stored session is forgotten.
        await page.EvaluateAsync("() => vs.consent(false)");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
        Assert.Empty(await page.Context.CookiesAsync());
    }

    [Fact]
    public async Task The_panel_takes_focus_closes_on_escape_and_a_stored_chat_comes_back_after_a_reload()
    {
        var key = await MerchantAsync(_ => { });
        var page = await NewPageAsync(key);
        await OpenAsync(page, "/");
        var launcher = Launcher(page);
        await Assertions.Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");

        await launcher.ClickAsync();
        await Assertions.Expect(launcher).ToHaveAttributeAsync("aria-expanded", "true");
        var frame = page.FrameLocator("iframe[title=Chat]");
        await Assertions.Expect(frame.Locator("#first")).ToBeFocusedAsync();
        var init = await FrameAsync(page).EvaluateAsync<string>("() => JSON.stringify(received.find(m => m.type === 'init'))");
        Assert.Contains("\"vs\":1", init, StringComparison.Ordinal);
        Assert.Contains($"\"pageUrl\":\"{host.Url("/")}\"", init, StringComparison.Ordinal);
        Assert.Contains("\"language\":\"en\"", init, StringComparison.Ordinal);

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("iframe[title=Chat]")).ToBeHiddenAsync();
        await Assertions.Expect(launcher).ToBeFocusedAsync();
        await Assertions.Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");

        // The stored state has a chat: the next page brings the frame back at load, still closed, without a click.
        var frameRequest = await page.RunAndWaitForRequestAsync(() => OpenAsync(page, "/next"), FrameUrl());
        Assert.Contains("origin=" + Uri.EscapeDataString(host.Origin), frameRequest.Url, StringComparison.Ordinal);
        await page.WaitForFunctionAsync("() => document.getElementById('vs-widget-root').shadowRoot.querySelector('iframe') !== null");
        await Assertions.Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task An_invalid_api_call_logs_exactly_one_warning_and_sends_nothing()
    {
        var key = await MerchantAsync(_ => { });
        var page = await NewPageAsync(key);
        var warnings = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "warning" && message.Text.StartsWith("[VirtualShopping]", StringComparison.Ordinal))
            {
                warnings.Enqueue(message.Text);
            }
        };
        var events = await CaptureEventsAsync(page);

        // Queued before the loader arrived: validated once it has.
        await OpenAsync(page, "/", ReadyFlag + "vs('trak', {});");
        Assert.Equal(["[VirtualShopping] unknown command \"trak\""], warnings);

        // With a session, so a valid event would be sent at once.
        await Launcher(page).ClickAsync();
        await page.WaitForFunctionAsync($"() => localStorage.getItem('vs:{key}') !== null");
        warnings.Clear();
        await page.EvaluateAsync("() => vs('track', { type: 'add', products: [{ name: 'Shirt', price: 30 }] })");
        await page.EvaluateAsync("() => vs.track({ type: 'purchase', purchase: { id: 'o-1', subtotal: 10 } })");
        await page.EvaluateAsync("() => vs.identify({ email: 'not an email' })");
        await page.EvaluateAsync("() => vs.on('opened', function () {})");
        await page.EvaluateAsync("() => vs('consent', 'yes')");
        Assert.Equal(
            [
                "[VirtualShopping] track(): products[0].id is required",
                "[VirtualShopping] track(): purchase.currency is required",
                "[VirtualShopping] identify(): email must be an email address",
                "[VirtualShopping] on(): unknown event \"opened\"; use ready, open, close, message, unread, error",
                "[VirtualShopping] consent() needs true or false",
            ],
            warnings);
        Assert.Empty(events);

        // A valid one is sent, and nothing else was.
        await page.EvaluateAsync("() => vs.track({ type: 'purchase', purchase: { id: 'o-1', subtotal: 10, currency: 'EUR' } })");
        Assert.Contains("\"o-1\"", (await WaitForAsync(events)).Body, StringComparison.Ordinal);
        Assert.Single(events);
        Assert.Equal(5, warnings.Count);
    }

    [Theory]
    [InlineData("fr-CA", "en-GB")]
    [InlineData("", "fr-FR")]
    public async Task The_page_language_then_the_browser_language_picks_the_merchants_language(string pageLang, string browserLocale)
    {
        var key = await MerchantAsync(
            s =>
            {
                s.Languages = ["en", "fr"];
                s.LauncherStyle = LauncherStyle.NeedsSelector;
            },
            "Menswear");
        await app.App.InMerchantAsync((await MerchantIdAsync(key)), async db =>
        {
            (await db.Departments.SingleAsync()).Labels = [new() { Language = "fr", Label = "Mode homme" }];
            return await db.SaveChangesAsync();
        });
        var page = await NewPageAsync(key, locale: browserLocale);
        host.Page = _ => HostPages.WithSnippet(app.BaseUrl, key, ReadyFlag, pageLang);
        await page.GotoAsync(host.Url("/"));
        await page.WaitForFunctionAsync("() => window.vsReady === true");

        await page.GetByRole(AriaRole.Button, new() { Name = "Mode homme" }).ClickAsync();
        await Assertions.Expect(page.FrameLocator("iframe[title=Chat]").Locator("#first")).ToBeFocusedAsync();
        Assert.Contains("lang=fr&", FrameAsync(page).Url, StringComparison.Ordinal);

        // The bubble's department opens the chat straight into it.
        var departmentId = (await app.App.InMerchantAsync(await MerchantIdAsync(key), db => db.Departments.Select(d => d.Id).SingleAsync())).ToString();
        Assert.Equal(departmentId, await FrameAsync(page).EvaluateAsync<string>("() => received.find(m => m.type === 'init').departmentId || received.find(m => m.type === 'open').departmentId"));
        Assert.Equal("fr", await FrameAsync(page).EvaluateAsync<string>("() => received.find(m => m.type === 'init').language"));
    }

    [Fact]
    public async Task On_a_phone_the_panel_fills_the_visual_viewport_and_the_launcher_steps_aside()
    {
        var key = await MerchantAsync(_ => { });
        var page = await NewPageAsync(key, phone: true);
        await OpenAsync(page, "/");

        await Launcher(page).ClickAsync();
        var panel = page.Locator("iframe[title=Chat]");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        var box = await panel.BoundingBoxAsync();
        Assert.Equal((0f, 0f, 390f, 844f), ((float)box!.X, (float)box.Y, (float)box.Width, (float)box.Height));
        await Assertions.Expect(Launcher(page)).ToBeHiddenAsync();

        // The visual viewport shrinks (as when the on-screen keyboard opens, here by zooming in): the panel follows it.
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("Emulation.setPageScaleFactor", new Dictionary<string, object> { ["pageScaleFactor"] = 2 });
        await page.WaitForFunctionAsync(
            "() => visualViewport.width < 200 && Math.abs(document.getElementById('vs-widget-root').shadowRoot.querySelector('iframe').getBoundingClientRect().height - visualViewport.height) < 1");

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(panel).ToBeHiddenAsync();
        await Assertions.Expect(Launcher(page)).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Only_the_chat_frame_is_listened_to_and_its_unread_count_shows_on_the_launcher()
    {
        var key = await MerchantAsync(_ => { });
        var page = await NewPageAsync(key);
        await OpenAsync(page, "/", ReadyFlag + "window.unread = []; vs('on', 'unread', function (n) { window.unread.push(n); });");
        await Launcher(page).ClickAsync();
        await Assertions.Expect(page.FrameLocator("iframe[title=Chat]").Locator("#first")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(Launcher(page)).ToBeFocusedAsync();

        // The host page itself (any script on it) speaking the protocol is ignored.
        await page.EvaluateAsync("() => { window.postMessage({ vs: 1, type: 'unread', count: 5 }, '*'); window.postMessage({ vs: 1, type: 'ready' }, '*'); }");
        await FrameAsync(page).EvaluateAsync("() => parent.postMessage({ vs: 1, type: 'unread', count: 3 }, host)");

        var badge = page.Locator("#vs-widget-root .u");
        await Assertions.Expect(badge).ToHaveTextAsync("3");
        var counts = await page.EvaluateAsync<int[]>("() => window.unread");
        Assert.Equal([3], counts);
        Assert.Equal(1, await FrameAsync(page).EvaluateAsync<int>("() => received.filter(m => m.type === 'init').length"));
    }

    private async Task<Guid> MerchantIdAsync(string key)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShopping.Infrastructure.Persistence.VirtualShoppingDbContext>>().CreateDbContextAsync();
        return await db.Merchants.Where(m => m.PublicWidgetKey == key).Select(m => m.Id).SingleAsync();
    }

    private static ILocator Launcher(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Open chat" });

    private static IFrame FrameAsync(IPage page) => page.Frames.Single(f => f.Url.Contains("/widget/frame", StringComparison.Ordinal));

    /// <summary>Opens a host page and waits until the loader has applied its configuration (its ready event).</summary>
    private async Task OpenAsync(IPage page, string path, string afterStub = ReadyFlag)
    {
        page.SetDefaultTimeout(15_000);
        host.Page = request => HostPages.WithSnippet(app.BaseUrl, Keys.TryGetValue(page, out var key) ? key : string.Empty, afterStub);
        await page.GotoAsync(host.Url(path));
        await page.WaitForFunctionAsync("() => window.vsReady === true");
    }

    private static readonly ConditionalWeakTable<IPage, string> Keys = [];

    private async Task<IPage> NewPageAsync(string key, bool phone = false, string locale = "en-GB")
    {
        var context = await app.Browser.NewContextAsync(phone
            ? new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = locale }
            : new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, Locale = locale });
        context.SetDefaultTimeout(15_000);
        await context.RouteAsync(FrameUrl(), route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = StandInFrame }));
        var page = await context.NewPageAsync();
        Keys.Add(page, key);
        return page;
    }

    /// <summary>Records what the loader posts to the events endpoint (answered as the server would, CORS included).</summary>
    private async Task<SentEvents> CaptureEventsAsync(IPage page)
    {
        var sent = new SentEvents();
        await page.RouteAsync(EventsUrl(), async route =>
        {
            var headers = new Dictionary<string, string>
            {
                ["Access-Control-Allow-Origin"] = host.Origin,
                ["Access-Control-Allow-Headers"] = "Authorization, Content-Type",
                ["Access-Control-Allow-Methods"] = "POST",
            };
            if (route.Request.Method == "POST")
            {
                sent.Add(new SentEvent((await route.Request.AllHeadersAsync()).GetValueOrDefault("authorization") ?? string.Empty, route.Request.PostData ?? string.Empty));
            }

            await route.FulfillAsync(new RouteFulfillOptions { Status = route.Request.Method == "POST" ? 202 : 204, Headers = headers, ContentType = "application/json", Body = "{}" });
        });
        return sent;
    }

    private static async Task<SentEvent> WaitForAsync(SentEvents events)
    {
        Assert.True(await events.Arrived.WaitAsync(TimeSpan.FromSeconds(15)), "No event was sent.");
        return Assert.Single(events);
    }

    /// <summary>A merchant of its own (so tests never disturb each other) that allows the host page's origin.</summary>
    private async Task<string> MerchantAsync(Action<ChatSettings> configure, params string[] departments)
    {
        var name = "Loader " + Guid.NewGuid().ToString("N")[..8];
        var merchant = await TestMerchants.CreateAsync(app.App.Services, name, name.Replace(' ', '.') + "@example.com", "Leeds");
        await app.App.InMerchantAsync(merchant.Id, async db =>
        {
            var settings = await db.ChatSettings.SingleOrDefaultAsync();
            if (settings is null)
            {
                settings = new ChatSettings();
                db.ChatSettings.Add(settings);
            }

            settings.AllowedOrigins = [host.Origin];
            settings.DisplayMode = ChatDisplayMode.AlwaysOn;
            configure(settings);
            db.Departments.AddRange(departments.Select((d, i) => new Department { Name = d, SortOrder = i }));
            return await db.SaveChangesAsync();
        });
        return merchant.PublicWidgetKey;
    }

    [GeneratedRegex(@"/widget/frame\?")]
    private static partial Regex FrameUrl();

    [GeneratedRegex(@"/api/v1/widget/[^/]+/events$")]
    private static partial Regex EventsUrl();

    private sealed record SentEvent(string Authorization, string Body);

    /// <summary>The events posted so far, with a signal per arrival.</summary>
    private sealed class SentEvents : ConcurrentQueue<SentEvent>
    {
        public SemaphoreSlim Arrived { get; } = new(0);

        public void Add(SentEvent sent)
        {
            Enqueue(sent);
            Arrived.Release();
        }
    }
}
