using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// The widget's world for browser tests: the real app on a real Kestrel port (http://localhost:P), the demo
/// shop on its own origin (http://127.0.0.1:P, another site to the browser), a merchant's host pages on a
/// third origin (<see cref="HostSite"/>), and Debian's chromium. The demo merchant's stores are open around
/// the clock so an expert can always be offered a chat; scenario merchants (<see cref="NewMerchantAsync"/>)
/// cover consent, closed stores, missed chats and photos turned off.
/// </summary>
public sealed class WidgetBrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// The header carrying the shopper's country (setting Widget:CountryHeader). In production a proxy in front of the
    /// app (Cloudflare) adds it; here requests without it are of an unknown country, which the country rule lets through.
    /// </summary>
    public const string CountryHeader = "CF-IPCountry";

    private readonly VirtualShoppingFactory factory = new();
    private readonly int port = HostSite.FreePort();
    private IPlaywright? playwright;
    private int merchants;

    public WidgetBrowserFixture()
    {
        factory.SetSetting("App:PublicBaseUrl", AppBaseUrl);
        factory.SetSetting("DemoShop:Enabled", "true");
        factory.SetSetting("DemoShop:Origin", ShopOrigin);
        factory.SetSetting("Widget:CountryHeader", CountryHeader);
    }

    public IBrowser Browser { get; private set; } = null!;

    public VirtualShoppingFactory App => factory;

    /// <summary>The app (dashboard, API, widget files, hubs): http://localhost:P/.</summary>
    public string AppBaseUrl => $"http://localhost:{port}/";

    public string AppOrigin => $"http://localhost:{port}";

    /// <summary>The demo shop's origin: the same server reached by another host name, so another origin and site.</summary>
    public string ShopOrigin => $"http://127.0.0.1:{port}";

    public string ShopUrl(string path = "") => ShopOrigin + "/demo/shop" + path;

    public HostSite Hosts { get; private set; } = null!;

    public string DemoKey { get; private set; } = string.Empty;

    public Guid DemoMerchantId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(BrowserAppFixture.ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's chromium at {BrowserAppFixture.ChromiumPath}: apt-get install -y chromium (.ci/run does).");
        }

        factory.UseKestrel(k => k.ListenLocalhost(port));
        factory.StartServer();
        Hosts = await HostSite.StartAsync(AppOrigin);

        var demo = await factory.DemoMerchantAsync();
        DemoKey = demo.PublicWidgetKey;
        DemoMerchantId = demo.Id;
        await factory.InMerchantAsync(demo.Id, async db =>
        {
            await OpenAroundTheClockAsync(db);
            var chat = await db.ChatSettings.SingleAsync();
            chat.AllowedOrigins = [.. chat.AllowedOrigins, Hosts.Origin];
            return await db.SaveChangesAsync();
        });

        // The whole suite runs in parallel on two cores: give pages time to render before judging them.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserAppFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A shopper's fresh browser (no storage, no cookies) with one page; desktop unless a viewport is given.</summary>
    public async Task<IPage> ShopperPageAsync(ViewportSize? viewport = null, bool mobile = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 860 },
            IsMobile = mobile,
            HasTouch = mobile,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A merchant of its own for one scenario: a London store (open around the clock unless <paramref name="open"/>
    /// is false), departments "Shoes" and "Hats", one expert or more (password <see cref="RoutingWorld.Password"/>), the
    /// host pages and the shop allowed, the widget shown day and night. The callbacks change its settings.
    /// </summary>
    public async Task<RoutingWorld> NewMerchantAsync(Action<ChatSettings>? chat = null, Action<StoreAppSettings>? storeApp = null, bool open = true, int experts = 1)
    {
        var world = await RoutingWorld.CreateAsync(factory.Services, experts, storeApp, name: $"Widget Outfitters {Interlocked.Increment(ref merchants)}");
        await factory.InMerchantAsync(world.MerchantId, async db =>
        {
            if (open)
            {
                await OpenAroundTheClockAsync(db);
            }
            else
            {
                foreach (var store in await db.Stores.ToListAsync())
                {
                    store.OpeningHours.Clear();
                }
            }

            var settings = await db.ChatSettings.SingleAsync();
            settings.AllowedOrigins = [Hosts.Origin, ShopOrigin];
            settings.DisplayMode = ChatDisplayMode.AlwaysOn;
            chat?.Invoke(settings);
            return await db.SaveChangesAsync();
        });
        return world;
    }

    /// <summary>The demo merchant's Sam Taylor (a London expert), online in the Store App.</summary>
    public Task<ExpertAgent> DemoExpertOnlineAsync() =>
        ExpertAgent.OnlineAsync(new Uri(AppBaseUrl), DemoMerchantSeeder.ExpertEmail, VirtualShoppingFactory.DemoPassword);

    /// <summary>The scenario merchant's expert, online in the Store App.</summary>
    public Task<ExpertAgent> ExpertOnlineAsync(RoutingWorld world, int index = 0) =>
        ExpertAgent.OnlineAsync(new Uri(AppBaseUrl), world.Experts[index].Email, RoutingWorld.Password);

    private static async Task OpenAroundTheClockAsync(VirtualShopping.Infrastructure.Persistence.VirtualShoppingDbContext db)
    {
        foreach (var store in await db.Stores.Where(s => s.Status == StoreStatus.Active).ToListAsync())
        {
            store.SpecialHours.Clear();
            store.OpeningHours.Clear();
            store.OpeningHours.AddRange(Enum.GetValues<DayOfWeek>().Select(d => new WeeklyOpeningHours { Day = d, Opens = TimeOnly.MinValue, Closes = TimeOnly.MinValue }));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (Hosts is not null)
        {
            await Hosts.DisposeAsync();
        }

        await factory.DisposeAsync();
    }
}
