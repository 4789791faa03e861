using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// A shopper's message to an open inbox conversation in headless chromium: the demo expert signs in and opens
/// `/inbox?view=mine&amp;chat={id}` on a chat they hold; the page's own fetch posts the shopper's message to the shopper
/// API (REST, the same path the widget uses) and a MutationObserver stamps the moment its text appears in the
/// conversation (`[data-testid=message-text]`), both on the page's clock. Beside it, the same number of messages through
/// a bare SignalR echo hub (<see cref="EchoBaselineRun"/>, one sender/receiver pair). Needs the inbox page (UI contract
/// test ids); without it the figure is "n/a".
/// </summary>
internal static class InboxBrowserRun
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private const string Observer = """
        () => {
          window.__seen = {};
          const look = (node) => {
            const all = node.querySelectorAll ? [...node.querySelectorAll('[data-testid=message-text]')] : [];
            if (node.matches && node.matches('[data-testid=message-text]')) all.push(node);
            for (const e of all) { const t = e.textContent.trim(); if (t.startsWith('bench ') && !(t in window.__seen)) window.__seen[t] = performance.timeOrigin + performance.now(); }
          };
          new MutationObserver(ms => { for (const m of ms) { for (const n of m.addedNodes) look(n); if (m.type === 'characterData') look(m.target.parentElement); } })
            .observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """;

    private const string Send = """
        async ([url, token, text]) => {
          const at = performance.timeOrigin + performance.now();
          const r = await fetch(url, { method: 'POST', headers: { 'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json' }, body: JSON.stringify({ text, clientMessageId: text }) });
          return r.ok ? at : -r.status;
        }
        """;

    public static async Task<Result> RunAsync(BenchmarkAppFactory app, BenchmarkWorld world, int messages)
    {
        ArgumentNullException.ThrowIfNull(app);
        var echo = await EchoBaselineRun.RunAsync(BenchmarkOptions.Parse(["--shoppers", "1", "--messages", messages.ToString(CultureInfo.InvariantCulture)], out _)!);
        var (key, chatId, token) = await DemoChatAsync(app);
        Progress.Say($"Browser: the demo expert opens chat {chatId} in /inbox; {messages} shopper messages …");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", DemoMerchantSeeder.ExpertEmail);
        await page.FillAsync("#password", BenchmarkAppFactory.SeedPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        var response = await page.GotoAsync($"/inbox?view=mine&chat={chatId}");
        try
        {
            await page.WaitForSelectorAsync($"[data-testid=conversation][data-chat-id='{chatId}']", new PageWaitForSelectorOptions { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            return new Result(null, $"/inbox answered {response?.Status.ToString(CultureInfo.InvariantCulture) ?? "nothing"} and showed no conversation: is the inbox UI merged?", echo);
        }

        await page.EvaluateAsync(Observer);
        var url = new Uri(app.BaseAddress, $"/api/v1/widget/{key}/chats/{chatId}/messages").ToString();
        var samples = new LatencySamples();
        for (var i = 0; i < messages + 5; i++)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"bench {i:000} {Guid.NewGuid():N}");
            var sentAt = await page.EvaluateAsync<double>(Send, new object[] { url, token, text });
            if (sentAt < 0)
            {
                return new Result(null, string.Create(CultureInfo.InvariantCulture, $"the shopper API answered {-sentAt}"), echo);
            }

            await page.WaitForFunctionAsync("t => window.__seen[t] !== undefined", text, new PageWaitForFunctionOptions { Timeout = 10_000 });
            var seenAt = await page.EvaluateAsync<double>("t => window.__seen[t]", text);
            if (i >= 5)
            {
                samples.Add(seenAt - sentAt);
            }
        }

        return new Result(samples, null, echo);
    }

    /// <summary>A shopper session on the demo merchant and an active chat of theirs held by the demo expert (written straight to the database).</summary>
    private static async Task<(string Key, Guid ChatId, string Token)> DemoChatAsync(BenchmarkAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>();
        Guid merchantId;
        string key;
        await using (var lookup = await contexts.CreateDbContextAsync())
        {
            var merchant = await lookup.Merchants.IgnoreQueryFilters().SingleAsync(m => m.Name == DemoMerchantSeeder.MerchantName);
            (merchantId, key) = (merchant.Id, merchant.PublicWidgetKey);
        }

        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var session = (await (await http.PostAsync($"/api/v1/widget/{key}/session", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ShopperSessionResponse>(ApiJson.Options))!;
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        await using var db = await contexts.CreateDbContextAsync();
        var expert = await db.StaffMembers.Include(s => s.Stores).SingleAsync(s => s.Email == DemoMerchantSeeder.ExpertEmail);
        var department = await db.Departments.OrderBy(d => d.SortOrder).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var chat = new Chat
        {
            ShopperId = session.ShopperId, ShopperName = "Benchmark shopper", DepartmentId = department.Id, Status = ChatStatus.Active, StartedAt = now, QueuedAt = now,
            ClaimDeadline = now.AddSeconds(90), ClaimedAt = now, LastActivityAt = now.AddDays(1), ExpertId = expert.Id, ExpertName = expert.DisplayName,
            StoreId = expert.Stores.FirstOrDefault()?.Id, ExpertStoreName = expert.Stores.FirstOrDefault()?.Name,
        };
        db.Chats.Add(chat);
        await db.SaveChangesAsync();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        return (key, chat.Id, session.Token);
    }

    internal sealed record Result(LatencySamples? Samples, string? Problem, EchoResult Echo)
    {
        public string Describe() => Samples is { Count: > 0 } s
            ? string.Create(CultureInfo.InvariantCulture, $"p50 {s.Percentile(50):0.0} ms   p99 {s.Percentile(99):0.0} ms   ({s.Count} messages; REST POST from the page → text in the open conversation, MutationObserver)")
            : "n/a   (" + Problem + ")";

        public string DescribeEcho() => string.Create(CultureInfo.InvariantCulture, $"p50 {Echo.MessageP50:0.0} ms   p99 {Echo.MessageP99:0.0} ms   ({Echo.MessagesDelivered} messages; .NET client → bare hub → .NET client)");
    }
}
