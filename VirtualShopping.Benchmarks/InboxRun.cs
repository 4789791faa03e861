using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// The `inbox` run: one merchant's generated inbox (<see cref="InboxData"/>) in the app's SQLite file, then the inbox
/// list of each view and the conversation load through <see cref="InboxQueries"/> (the services the inbox page calls),
/// p50/p95 over many runs each; then (unless --no-browser) the time from a shopper's message to its text in an open
/// inbox conversation in headless chromium, beside a bare SignalR echo (<see cref="InboxBrowserRun"/>).
/// </summary>
internal static class InboxRun
{
    public const string Usage = "Usage: dotnet run -c Release --project VirtualShopping.Benchmarks -- inbox [--conversations 100000] [--messages 2000000] [--runs 200] [--browser-messages 100] [--no-browser] [--add-index]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var logs = new AppLogSink();
        await using var app = new BenchmarkAppFactory(logs, null);
        Progress.Say("Starting the app on a loopback Kestrel port over a fresh SQLite file …");
        app.Start();
        var world = await BenchmarkWorld.CreateAsync(app.Services, 20);
        Progress.Say(string.Create(CultureInfo.InvariantCulture, $"Writing {options.Conversations:N0} conversations and {options.Messages:N0} messages (raw ADO.NET, one transaction) …"));
        var data = await InboxData.GenerateAsync(app.Services, world, options.Conversations, options.Messages);
        Progress.Say(string.Create(CultureInfo.InvariantCulture, $"Data written in {data.Generation.TotalSeconds:0.0} s; measuring the queries, {options.Runs} runs each …"));
        if (Environment.GetEnvironmentVariable("INBOX_BENCH_COPY") is { Length: > 0 } copy)
        {
            // A copy of the generated database, to look at query plans with the sqlite3 shell.
            await InboxData.CopyAsync(app.Services, data.MerchantId, copy);
        }


        var admin = new ChatStaff(Guid.NewGuid(), "HQ admin", StaffRoles.HqAdmin, []);
        var manager = new ChatStaff(Guid.NewGuid(), "Store manager", StaffRoles.StoreManager, [data.StoreIds[1]]);
        var expert = new ChatStaff(data.ExpertIds[0], "Expert 001", StaffRoles.Expert, [data.StoreIds[0]]);
        if (options.AddIndex)
        {
            await InboxData.AddRecommendedIndexAsync(app.Services, data.MerchantId);
            Progress.Say("Added the recommended index " + InboxData.RecommendedIndex);
        }

        var scenarios = new (string Name, Func<InboxQueries, Task<int>> Query)[]
        {
            ("Mine (expert)", async q => (await q.ListAsync(expert, new InboxFilter(InboxFolder.Mine))).Total),
            ("Waiting (HQ admin)", async q => (await q.ListAsync(admin, new InboxFilter(InboxFolder.Waiting))).Total),
            ("In progress (HQ admin)", async q => (await q.ListAsync(admin, new InboxFilter(InboxFolder.InProgress))).Total),
            ("Closed (HQ admin)", async q => (await q.ListAsync(admin, new InboxFilter(InboxFolder.Closed, NewestFirst: true))).Total),
            ("Closed (store manager)", async q => (await q.ListAsync(manager, new InboxFilter(InboxFolder.Closed, NewestFirst: true))).Total),
            ("Closed (expert)", async q => (await q.ListAsync(expert, new InboxFilter(InboxFolder.Closed, NewestFirst: true))).Total),
            ("Closed + search name", async q => (await q.ListAsync(admin, new InboxFilter(InboxFolder.Closed, Search: "Olivia", NewestFirst: true))).Total),
            ("Closed + search rare text", async q => (await q.ListAsync(admin, new InboxFilter(InboxFolder.Closed, Search: InboxData.RareWord, NewestFirst: true))).Total),
            ("Counts (HQ admin)", async q => (await q.CountsAsync(admin)).InProgress),
            ("Counts (expert)", async q => (await q.CountsAsync(expert)).Mine),
        };

        var results = new List<(string Name, int Rows, LatencySamples Samples)>();
        foreach (var (name, query) in scenarios)
        {
            app.Sql.ResetSlowest();
            // A search without a full-text index reads every message: fewer runs, or the run takes an hour.
            var runs = name.Contains("search", StringComparison.Ordinal) ? Math.Min(options.Runs, 20) : options.Runs;
            results.Add(await MeasureAsync(app.Services, data.MerchantId, name, runs, _ => query));
            if (Environment.GetEnvironmentVariable("INBOX_BENCH_SQL") is { Length: > 0 })
            {
                Progress.Say(string.Create(CultureInfo.InvariantCulture, $"    slowest command {app.Sql.Slowest.Duration.TotalMilliseconds:0.0} ms:{Environment.NewLine}{app.Sql.Slowest.Text}"));
            }
        }

        var random = new Random(7);
        results.Add(await MeasureAsync(app.Services, data.MerchantId, "Conversation (HQ admin)", options.Runs, _ =>
        {
            var chat = data.ChatIds[random.Next(data.ChatIds.Count)];
            return async q => (await q.ConversationAsync(admin, chat))?.Messages.Count ?? -1;
        }));
        results.Add(await MeasureAsync(app.Services, data.MerchantId, "Shopper panel (HQ admin)", options.Runs, _ =>
        {
            var chat = data.ChatIds[random.Next(data.ChatIds.Count)];
            return async q => (await q.ShopperAsync(admin, chat))?.PastChats.Count ?? -1;
        }));

        InboxBrowserRun.Result? browser = null;
        if (options.BrowserMessages > 0)
        {
            browser = await InboxBrowserRun.RunAsync(app, world, options.BrowserMessages);
        }

        Print(Console.Out, options, data, results, browser, logs);
        return 0;
    }

    private static async Task<(string Name, int Rows, LatencySamples Samples)> MeasureAsync(
        IServiceProvider services, Guid merchantId, string name, int runs, Func<int, Func<InboxQueries, Task<int>>> next)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        var queries = scope.ServiceProvider.GetRequiredService<InboxQueries>();
        var samples = new LatencySamples();
        var rows = 0;
        for (var i = -5; i < runs; i++)
        {
            var query = next(i);
            var watch = Stopwatch.StartNew();
            rows = await query(queries);
            watch.Stop();
            if (i >= 0)
            {
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        Progress.Say(string.Create(CultureInfo.InvariantCulture, $"  {name,-28} p50 {samples.Percentile(50):0.0} ms, p95 {samples.Percentile(95):0.0} ms ({rows:N0})"));
        return (name, rows, samples);
    }

    private static void Print(TextWriter output, Options options, InboxData data, List<(string Name, int Rows, LatencySamples Samples)> results, InboxBrowserRun.Result? browser, AppLogSink logs)
    {
        output.WriteLine();
        output.WriteLine(Invariant($"VirtualShopping inbox benchmark — {options.Conversations:N0} conversations, {options.Messages:N0} messages, one merchant, SQLite file, {Environment.ProcessorCount} cores{(options.AddIndex ? ", with " + InboxData.RecommendedIndex : string.Empty)}"));
        output.WriteLine(new string('─', 100));
        output.WriteLine(Invariant($"{"data generation",-30} {data.Generation.TotalSeconds:0.0} s   (raw ADO.NET inserts in one transaction, not part of any figure below)"));
        foreach (var (name, rows, samples) in results)
        {
            var p95 = samples.Percentile(95) ?? 0;
            output.WriteLine(Invariant($"{name,-30} p50 {samples.Percentile(50):0.0} ms   p95 {p95:0.0} ms   max {samples.Percentile(100):0.0} ms   ({samples.Count} runs; {rows:N0} rows/total){(p95 > 100 ? "   OVER the 100 ms target" : string.Empty)}"));
        }

        if (browser is not null)
        {
            output.WriteLine(Invariant($"{"shopper message → inbox DOM",-30} {browser.Describe()}"));
            output.WriteLine(Invariant($"{"bare SignalR echo (browser)",-30} {browser.DescribeEcho()}"));
        }

        output.WriteLine(Invariant($"{"app warnings / errors",-30} {logs.Warnings} / {logs.Errors}"));
        foreach (var (entry, count) in logs.Top(5))
        {
            output.WriteLine(Invariant($"{string.Empty,-30} {count}× {entry}"));
        }
    }

    private static Options? Parse(IReadOnlyList<string> args)
    {
        var options = new Options();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--add-index")
            {
                options.AddIndex = true;
                continue;
            }

            if (args[i] == "--no-browser")
            {
                options.BrowserMessages = 0;
                continue;
            }

            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                return null;
            }

            switch (args[i])
            {
                case "--conversations": options.Conversations = value; break;
                case "--messages": options.Messages = value; break;
                case "--runs": options.Runs = value; break;
                case "--browser-messages": options.BrowserMessages = value; break;
                default: return null;
            }

            i++;
        }

        return options.Messages >= options.Conversations * 2 ? options : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Options
    {
        public int Conversations { get; set; } = 100_000;

        public int Messages { get; set; } = 2_000_000;

        public int Runs { get; set; } = 200;

        public int BrowserMessages { get; set; } = 100;

        public bool AddIndex { get; set; }
    }
}
