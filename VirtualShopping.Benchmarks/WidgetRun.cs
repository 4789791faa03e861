using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Features.Widget;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// The `widget` run: the loader's and the chat UI's gzipped sizes (wwwroot/widget), then in headless Debian chromium
/// on a plain page of another origin, the main-thread blocking the snippet adds (long tasks over 50 ms, with vs.
/// without the snippet, same run) and the time from a click on the launcher to the chat frame's first focusable control.
/// </summary>
internal static class WidgetRun
{
    public const string Usage = "Usage: dotnet run -c Release --project VirtualShopping.Benchmarks -- widget [--runs 10]";

    private const string ChromiumPath = "/usr/bin/chromium";

    // Long tasks of the top document, from its start. Main-thread time comes from the DevTools Performance domain.
    private const string TopProbe = """
        if (window === top) {
          window.__longTasks = [];
          new PerformanceObserver(l => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
          addEventListener('click', () => { window.__clickAt = performance.timeOrigin + performance.now(); }, true);
        }
        """;

    /// <summary>The benchmark merchant's only department (<see cref="BenchmarkWorld"/>): its button in the needs selector.</summary>
    private const string FirstDepartment = "Shoes";

    // In the chat frame: when its document is parsed, when its first control (any: the header's Close button comes
    // first) is there, and when the needs selector's first department button is, enabled and rendered: the moment a
    // shopper can pick a need. Needs nothing from the chat UI (no mark to post): it looks at the frame's DOM every
    // animation frame and finds the department by its label, as a shopper does.
    private const string FrameProbe = """
        if (window !== top && location.pathname === '/widget/frame') {
          const now = () => performance.timeOrigin + performance.now();
          const shown = (e) => !!e && !e.disabled && e.getAttribute('aria-disabled') !== 'true' && e.getClientRects().length > 0;
          addEventListener('DOMContentLoaded', () => { window.__parsedAt = now(); });
          const look = () => {
            if (window.__firstControlAt === undefined && shown(document.querySelector('button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), a[href]'))) window.__firstControlAt = now();
            if (shown([...document.querySelectorAll('button')].find(b => b.textContent.trim() === '__DEPARTMENT__'))) window.__departmentAt = now();
            else requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
        }
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var runs = 10;
        if (args.Count > 0 && (args.Count != 2 || args[0] != "--runs" || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out runs) || runs < 1))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var logs = new AppLogSink();
        await using var app = new BenchmarkAppFactory(logs, null);
        Progress.Say("Starting the app on a loopback Kestrel port over a fresh SQLite file …");
        app.Start();
        var world = await BenchmarkWorld.CreateAsync(app.Services, 1);
        var webRoot = app.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath;
        var loaderBytes = GzippedSize(webRoot, "widget/loader.js");
        var uiBytes = GzippedSize(webRoot, "widget/chat.html") + GzippedSize(webRoot, "widget/chat.js") + GzippedSize(webRoot, "widget/chat.css");

        await using var site = await PlainSite.StartAsync(WidgetSnippet.Html(app.BaseAddress, world.WidgetKey));
        await AllowAsync(app.Services, world.MerchantId, site.Origin);
        Progress.Say($"App on {app.BaseAddress}, plain page on {site.Origin}; {runs} runs in {ChromiumPath} …");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        var plain = new List<PageLoad>();
        var with = new List<PageLoad>();
        var panels = new List<PanelOpen>();
        for (var i = 0; i < runs; i++)
        {
            // Interleaved, each in a fresh context (empty cache): a first visit, as the snippet meets most shoppers.
            plain.Add(await LoadAsync(browser, site.Origin + "/plain", waitForWidget: false));
            with.Add(await LoadAsync(browser, site.Origin + "/with", waitForWidget: true));
            panels.Add(await OpenPanelAsync(browser, site.Origin + "/with"));
            Progress.Say($"run {i + 1}/{runs}: blocking {with[^1].BlockingMs:0} ms with / {plain[^1].BlockingMs:0} ms without; panel {Describe(panels[^1])}");
        }

        Print(Console.Out, runs, loaderBytes, uiBytes, plain, with, panels, logs);
        return 0;
    }

    private static long GzippedSize(string webRoot, string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(webRoot, file));
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.Length;
    }

    private static async Task AllowAsync(IServiceProvider services, Guid merchantId, string origin)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
        var settings = await db.ChatSettings.SingleAsync();
        settings.AllowedOrigins = [origin];
        settings.DisplayMode = ChatDisplayMode.AlwaysOn;
        settings.LauncherStyle = LauncherStyle.Interactive;
        await db.SaveChangesAsync();
    }

    private static async Task<PageLoad> LoadAsync(IBrowser browser, string url, bool waitForWidget)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await context.AddInitScriptAsync(TopProbe);
        var page = await context.NewPageAsync();
        var devTools = await context.NewCDPSessionAsync(page);
        await devTools.SendAsync("Performance.enable");
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        if (waitForWidget)
        {
            await page.WaitForFunctionAsync("() => window.vsReady === true", null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        }

        // Two frames and a moment more, so work the page started is done and reported.
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100))))");
        var longTasks = await page.EvaluateAsync<double[]>("() => window.__longTasks");
        var metrics = (await devTools.SendAsync("Performance.getMetrics"))!.Value.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
        return new PageLoad(longTasks.Sum(d => Math.Max(0, d - 50)), longTasks.Length, metrics["TaskDuration"] * 1000, metrics["ScriptDuration"] * 1000);
    }

    private static async Task<PanelOpen> OpenPanelAsync(IBrowser browser, string url)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await context.AddInitScriptAsync(TopProbe + FrameProbe.Replace("__DEPARTMENT__", FirstDepartment, StringComparison.Ordinal));
        var page = await context.NewPageAsync();
        int? frameStatus = null;
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/widget/frame", StringComparison.Ordinal))
            {
                frameStatus = response.Status;
            }
        };
        await page.GotoAsync(url);
        await page.WaitForFunctionAsync("() => window.vsReady === true", null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
        var clickAt = await page.EvaluateAsync<double>("() => window.__clickAt");
        try
        {
            var frame = await WaitForFrameAsync(page);
            await frame.WaitForFunctionAsync("() => window.__parsedAt !== undefined", null, new FrameWaitForFunctionOptions { Timeout = 10_000 });
            var parsed = await frame.EvaluateAsync<double>("() => window.__parsedAt") - clickAt;
            await frame.WaitForFunctionAsync("() => window.__departmentAt !== undefined", null, new FrameWaitForFunctionOptions { Timeout = 10_000 });
            return new PanelOpen(
                frameStatus,
                parsed,
                await frame.EvaluateAsync<double>("() => window.__firstControlAt") - clickAt,
                await frame.EvaluateAsync<double>("() => window.__departmentAt") - clickAt);
        }
        catch (TimeoutException)
        {
            return new PanelOpen(frameStatus, null, null, null);
        }
    }

    private static async Task<IFrame> WaitForFrameAsync(IPage page)
    {
        for (var i = 0; i < 200; i++)
        {
            if (page.Frames.FirstOrDefault(f => f.Url.Contains("/widget/frame", StringComparison.Ordinal)) is { } frame)
            {
                return frame;
            }

            await page.WaitForTimeoutAsync(50);
        }

        throw new TimeoutException("The chat frame never appeared.");
    }

    private static string Describe(PanelOpen panel) =>
        panel.DepartmentMs is { } ms ? Invariant($"{ms:0} ms") : $"no department button (frame HTTP {panel.FrameStatus?.ToString(CultureInfo.InvariantCulture) ?? "none"})";

    private static void Print(TextWriter output, int runs, long loaderBytes, long uiBytes, List<PageLoad> plain, List<PageLoad> with, List<PanelOpen> panels, AppLogSink logs)
    {
        var addedBlocking = Median(with.Select(r => r.BlockingMs)) - Median(plain.Select(r => r.BlockingMs));
        var addedTask = Median(with.Select(r => r.TaskMs)) - Median(plain.Select(r => r.TaskMs));
        var departments = panels.Where(p => p.DepartmentMs is not null).Select(p => p.DepartmentMs!.Value).ToList();
        var controls = panels.Where(p => p.ControlMs is not null).Select(p => p.ControlMs!.Value).ToList();
        var parsed = panels.Where(p => p.ParsedMs is not null).Select(p => p.ParsedMs!.Value).ToList();

        output.WriteLine();
        output.WriteLine(Invariant($"VirtualShopping widget benchmark — {runs} runs each, headless chromium, app and page on loopback, fresh browser context per page"));
        output.WriteLine(new string('─', 100));
        Row(output, "loader.js gzipped", Invariant($"{loaderBytes} B   (budget 5120 B)"));
        Row(output, "chat UI gzipped", Invariant($"{uiBytes} B   (chat.html + chat.js + chat.css; budget 61440 B)"));
        Row(output, "added blocking time", Invariant($"{addedBlocking:0} ms median   (target ≤ 50 ms; with the snippet {Median(with.Select(r => r.BlockingMs)):0} ms, max {with.Max(r => r.BlockingMs):0}, {with.Sum(r => r.LongTasks)} long tasks; plain page baseline {Median(plain.Select(r => r.BlockingMs)):0} ms, {plain.Sum(r => r.LongTasks)} long tasks)"));
        Row(output, "added main-thread time", Invariant($"{addedTask:0.0} ms median   (all tasks, DevTools TaskDuration: {Median(with.Select(r => r.TaskMs)):0.0} ms with vs. {Median(plain.Select(r => r.TaskMs)):0.0} ms plain; script {Median(with.Select(r => r.ScriptMs)):0.0} vs. {Median(plain.Select(r => r.ScriptMs)):0.0} ms)"));
        Row(output, "click → interactive panel", departments.Count > 0
            ? Invariant($"{Median(departments):0} ms median, max {departments.Max():0}   (target ≤ 300 ms; launcher click → the needs selector's first department button, enabled and rendered; {departments.Count} of {runs} runs)")
            : Invariant($"n/a   (the chat frame showed no department button within 10 s; frame HTTP {panels.LastOrDefault()?.FrameStatus?.ToString(CultureInfo.InvariantCulture) ?? "never requested"}: is the chat UI merged?)"));
        Row(output, "click → first control", controls.Count > 0 ? Invariant($"{Median(controls):0} ms median, max {controls.Max():0}   (any enabled, rendered control: the header's Close button)") : "n/a");
        Row(output, "click → frame parsed", parsed.Count > 0 ? Invariant($"{Median(parsed):0} ms median, max {parsed.Max():0}   (the frame document's DOMContentLoaded)") : "n/a");
        Row(output, "app warnings / errors", Invariant($"{logs.Warnings} / {logs.Errors}"));
        foreach (var (entry, count) in logs.Top(5))
        {
            output.WriteLine(Invariant($"{string.Empty,-27}   {count}× {entry}"));
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static void Row(TextWriter output, string label, string value) => output.WriteLine($"{label,-27} {value}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record PageLoad(double BlockingMs, int LongTasks, double TaskMs, double ScriptMs);

    private sealed record PanelOpen(int? FrameStatus, double? ParsedMs, double? ControlMs, double? DepartmentMs);

    /// <summary>A merchant's plain page on its own loopback port: /plain without the snippet, /with it.</summary>
    private sealed class PlainSite(WebApplication app) : IAsyncDisposable
    {
        public string Origin => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        public static async Task<PlainSite> StartAsync(string snippet)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            var app = builder.Build();
            const string ready = "<script>vs('on', 'ready', function () { window.vsReady = true; });</script>";
            app.Run(http =>
            {
                var body = http.Request.Path == "/with" ? snippet + ready : string.Empty;
                http.Response.ContentType = "text/html; charset=utf-8";
                return http.Response.WriteAsync($"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Plain page</title>{body}</head><body><h1>A plain page</h1><p>Some text.</p></body></html>");
            });
            await app.StartAsync();
            return new PlainSite(app);
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
