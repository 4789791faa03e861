using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// The real app on a real Kestrel port with its own SQLite file and the demo merchant, and Debian's
/// chromium driven by Playwright (never a downloaded browser).
/// </summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly VirtualShoppingFactory factory = new();
    private readonly SmtpSink smtp = new();
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public VirtualShoppingFactory App => factory;

    /// <summary>The app's SMTP server: every email the app sends lands here.</summary>
    public SmtpSink Smtp => smtp;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's chromium at {ChromiumPath}: apt-get install -y chromium (.ci/run does).");
        }

        factory.SetSetting("Smtp:Host", "127.0.0.1");
        factory.SetSetting("Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        factory.SetSetting("Smtp:Security", "None");
        factory.SetSetting("Operations:OperatorEmails:0", Web.Features.Demo.DemoMerchantSeeder.AdminEmail);
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        BaseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        // The whole suite runs in parallel on two cores: give pages time to render before judging them.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) with a page already signed in as this user.</summary>
    public async Task<IPage> SignedInPageAsync(string email, string password = VirtualShoppingFactory.DemoPassword, ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = viewport ?? new ViewportSize { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Waits until the Blazor circuit is interactive (the layout renders a marker only then).</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Saves a full-page screenshot when VS_SCREENSHOT_DIR is set (for people reviewing the UI at desktop
    /// and phone widths); does nothing otherwise. <paramref name="fullPage"/> false: only the viewport (where a
    /// fixed widget sits).
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var folder = Environment.GetEnvironmentVariable("VS_SCREENSHOT_DIR");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await factory.DisposeAsync();
        await smtp.DisposeAsync();
    }
}
