using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtualShopping.Domain.Reports;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Features.Reports;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// The `reports` run: one merchant's generated year (<see cref="ReportHistory"/>: 100,000 chats and 200,000 orders by
/// default) in the app's SQLite file; the time of the sales daily rollup's full rebuild; then the p50/p95/p99 of each
/// report page's loads (every query one page load runs: scope, filter options, the report) over the given number of
/// runs, beside a baseline measured in the same run: a primary-key lookup of one order through the same context factory.
/// </summary>
internal static class ReportsRun
{
    public const string Usage = "Usage: dotnet run -c Release --project VirtualShopping.Benchmarks -- reports [--chats 100000] [--orders 200000] [--runs 50]";

    private const double PageTargetMilliseconds = 300;
    private const double RollupTargetSeconds = 10;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var (chats, orders, runs) = (100_000, 200_000, 50);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                await Console.Error.WriteLineAsync(Usage);
                return 2;
            }

            switch (args[i])
            {
                case "--chats": chats = value; break;
                case "--orders": orders = value; break;
                case "--runs": runs = value; break;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }

        var logs = new AppLogSink();
        // Writers wait for each other: the app's own sales rollup job may run while the history is written.
        await using var app = new BenchmarkAppFactory(logs, 300_000);
        Progress.Say("Starting the app over a fresh SQLite file …");
        app.Start();
        var world = await BenchmarkWorld.CreateAsync(app.Services, 1);
        Progress.Say(Invariant($"Generating {chats:N0} chats and {orders:N0} orders …"));
        var history = await ReportHistory.GenerateAsync(app.Services, world.MerchantId, chats, orders);
        Progress.Say(Invariant($"Generated in {history.Generation.TotalSeconds:0.0} s; rebuilding the sales daily rollup of {history.FirstDay:yyyy-MM-dd} – {history.LastDay:yyyy-MM-dd} …"));

        var rollup = app.Services.GetRequiredService<SalesRollup>();
        var timer = Stopwatch.StartNew();
        await rollup.RebuildAsync(history.MerchantId, history.FirstDay, history.LastDay);
        var rollupTime = timer.Elapsed;
        var rollupRows = await ProductSearchRun.InMerchantAsync(app.Services, history.MerchantId, async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
            return await db.SalesDailyRollups.CountAsync();
        });
        timer.Restart();
        await rollup.RefreshAsync(history.MerchantId);
        var refreshTime = timer.Elapsed;
        timer.Restart();
        await app.Services.GetRequiredService<TeamRollup>().RebuildAsync(history.MerchantId, history.FirstDay, history.LastDay);
        var teamRollupTime = timer.Elapsed;
        Progress.Say(Invariant($"Rollup rebuilt in {rollupTime.TotalSeconds:0.00} s ({rollupRows:N0} rows); first refresh (everything dirty) {refreshTime.TotalSeconds:0.00} s; measuring {runs} runs per page …"));

        if (Environment.GetEnvironmentVariable("REPORT_BENCH_COPY") is { Length: > 0 } copy)
        {
            // A copy of the generated database with its rollup, to look at query plans or the pages.
            await ProductSearchRun.InMerchantAsync(app.Services, history.MerchantId, async s =>
            {
                await using var db = await s.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
                return await db.Database.ExecuteSqlAsync($"VACUUM INTO {copy}");
            });
        }

        var last30 = new ReportFilter(history.LastDay.AddDays(-29), history.LastDay);
        var year = new ReportFilter(history.FirstDay, history.LastDay, ReportPeriod.Month);
        var quarter = new ReportFilter(history.LastDay.AddDays(-89), history.LastDay, ReportPeriod.Week);
        var manager = new ReportScope(false, [history.StoreIds[0]]);
        (string Name, Func<IServiceProvider, Task<int>> Load)[] pages =
        [
            ("sales, last 30 days (default)", s => SalesPageAsync(s, ReportScope.Everything, last30)),
            ("sales, year by month", s => SalesPageAsync(s, ReportScope.Everything, year)),
            ("sales, 90 days by week, one team", s => SalesPageAsync(s, ReportScope.Everything, quarter with { TeamId = history.TeamIds[3] })),
            ("sales, year, one expert", s => SalesPageAsync(s, ReportScope.Everything, year with { StaffMemberId = history.ExpertIds[7] })),
            ("sales, year, store manager", s => SalesPageAsync(s, manager, year)),
            ("orders drill-down, year, all (page 1)", s => OrdersPageAsync(s, ReportScope.Everything, year, SalesOrderKind.All, 0)),
            ("orders drill-down, year, expert (page 3)", s => OrdersPageAsync(s, ReportScope.Everything, year with { StaffMemberId = history.ExpertIds[7] }, SalesOrderKind.Attributed, 100)),
            ("orders drill-down, 30 d, unattributed", s => OrdersPageAsync(s, ReportScope.Everything, last30, SalesOrderKind.Unattributed, 0)),
            ("conversation view", s => ConversationAsync(s, history)),
            ("team, last 30 days (default)", s => TeamPageAsync(s, ReportScope.Everything, last30)),
            ("team, year by month", s => TeamPageAsync(s, ReportScope.Everything, year)),
            ("team, 90 days by week, one team", s => TeamPageAsync(s, ReportScope.Everything, quarter with { TeamId = history.TeamIds[3] })),
            ("team, year, store manager", s => TeamPageAsync(s, manager, year)),
        ];

        var results = new List<(string Name, int Rows, LatencySamples Samples)>();
        foreach (var (name, load) in pages)
        {
            var samples = new LatencySamples();
            var rows = await ProductSearchRun.MeasureAsync(app.Services, history.MerchantId, runs, samples, null, load);
            results.Add((name, rows, samples));
            Progress.Say(Invariant($"  {name,-42} p50 {samples.Percentile(50):0.0} ms, p95 {samples.Percentile(95):0.0} ms"));
        }

        var baseline = new LatencySamples();
        await ProductSearchRun.MeasureAsync(app.Services, history.MerchantId, runs, baseline, null, async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
            return await db.Orders.AsNoTracking().Where(o => o.Id == history.SampleOrderId).CountAsync();
        });

        var output = Console.Out;
        output.WriteLine();
        output.WriteLine(Invariant($"VirtualShopping reports benchmark — {chats:N0} chats, {orders:N0} orders over 365 days, one merchant, SQLite file, {Environment.ProcessorCount} cores, load {ProductSearchRun.LoadAverage()}"));
        output.WriteLine(new string('─', 110));
        output.WriteLine(Invariant($"{"data generation",-44} {history.Generation.TotalSeconds:0.0} s (bulk insert; not part of any figure below)"));
        output.WriteLine(Invariant($"{"sales daily rollup, full rebuild",-44} {rollupTime.TotalSeconds:0.00} s, {rollupRows:N0} rows{(rollupTime.TotalSeconds > RollupTargetSeconds ? "   OVER the 10 s target" : "   within the 10 s target")}"));
        output.WriteLine(Invariant($"{"sales rollup, first refresh (all dirty)",-44} {refreshTime.TotalSeconds:0.00} s"));
        output.WriteLine(Invariant($"{"team daily rollup, full rebuild",-44} {teamRollupTime.TotalSeconds:0.00} s{(teamRollupTime.TotalSeconds > RollupTargetSeconds ? "   OVER the 10 s target" : "   within the 10 s target")}"));
        foreach (var (name, rows, samples) in results)
        {
            output.WriteLine(Invariant($"{name,-44} {ProductSearchRun.Describe(samples)}   ({rows} rows){((samples.Percentile(95) ?? 0) > PageTargetMilliseconds ? "   OVER the 300 ms p95 target" : string.Empty)}"));
        }

        output.WriteLine(Invariant($"{"baseline: PK lookup of an order",-44} {ProductSearchRun.Describe(baseline)}"));
        output.WriteLine(Invariant($"{"app warnings / errors",-44} {logs.Warnings} / {logs.Errors}"));
        return 0;
    }

    /// <summary>What /reports/sales runs on a load: the scope, the filter's choices, and the report.</summary>
    public static async Task<int> SalesPageAsync(IServiceProvider services, ReportScope scope, ReportFilter filter)
    {
        ReportFilterOptions options;
        await using (var db = await services.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync())
        {
            options = await ReportFilterOptions.LoadAsync(db, scope);
        }

        var report = await services.GetRequiredService<SalesReports>().ReportAsync(scope, filter, options);
        return report.Experts.Count + report.Periods.Count;
    }

    /// <summary>What /reports/team runs on a load: the scope, the filter's choices, and the report.</summary>
    public static async Task<int> TeamPageAsync(IServiceProvider services, ReportScope scope, ReportFilter filter)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync())
        {
            await ReportFilterOptions.LoadAsync(db, scope);
        }

        var report = await services.GetRequiredService<TeamPerformanceSource>().ReportAsync(scope, filter);
        return report.Experts.Count + report.Series.Count;
    }

    /// <summary>What /reports/sales/orders runs on a load: the scope, the filter's choices, and one page of 50 orders.</summary>
    public static async Task<int> OrdersPageAsync(IServiceProvider services, ReportScope scope, ReportFilter filter, SalesOrderKind kind, int skip)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync())
        {
            await ReportFilterOptions.LoadAsync(db, scope);
        }

        return (await services.GetRequiredService<SalesOrders>().PageAsync(scope, filter, kind, skip, 50)).Lines.Count;
    }

    private static async Task<int> ConversationAsync(IServiceProvider services, ReportHistory history)
    {
        var chatId = await services.GetRequiredService<SalesOrders>().PageAsync(ReportScope.Everything, new ReportFilter(history.FirstDay, history.LastDay), SalesOrderKind.Attributed, 0, 1) is { Lines: [{ ChatId: { } id }] } ? id : Guid.Empty;
        return (await services.GetRequiredService<SalesOrders>().ConversationAsync(ReportScope.Everything, chatId))?.Messages.Count ?? 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
