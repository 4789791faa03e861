using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// The `sweep` run: what one pass of the routing sweep (<see cref="RoutingSweeper.SweepAsync"/>, called directly, the
/// app's own sweeping switched off) costs in time and SQL commands with few and with many active chats that are not
/// due. Active chats are written straight into the SQLite file (as <see cref="InboxData"/> writes them), their last
/// message 0–7 minutes ago (the idle warning is due at 8: not due, but most are over the one minute the idle check
/// starts from). Before each pass with due work a few chats come due: waiting chats past their claim deadline
/// (to be missed) and active chats silent for 9 minutes (to be warned). Every pass is a full one (a new sweeper, so
/// the heartbeat and the idle check run too, which a running sweeper does every 10 and 5 s).
/// </summary>
internal static class SweepRun
{
    public const string Usage = "Usage: dotnet run -c Release --project VirtualShopping.Benchmarks -- sweep [--active 10000] [--small 100] [--due 5] [--passes 20]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var (active, small, due, passes) = (10_000, 100, 5, 20);
        for (var i = 0; i < args.Count; i++)
        {
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                await Console.Error.WriteLineAsync(Usage);
                return 2;
            }

            switch (args[i++])
            {
                case "--active": active = value; break;
                case "--small": small = value; break;
                case "--due": due = value; break;
                case "--passes": passes = value; break;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }

        var logs = new AppLogSink();
        await using var app = new BenchmarkAppFactory(logs, null, new Dictionary<string, string> { ["Routing:SweepEnabled"] = "false" });
        Progress.Say("Starting the app (its own sweeping off) over a fresh SQLite file …");
        app.Start();
        var world = await BenchmarkWorld.CreateAsync(app.Services, 20);
        var experts = await ExpertIdsAsync(app.Services, world);
        var connectionString = await ConnectionStringAsync(app.Services, world);
        var random = new Random(5);

        var rows = new List<(int Active, string Kind, Figures Figures)>();
        var written = 0;
        foreach (var size in new[] { small, active }.Distinct().Order())
        {
            Progress.Say(string.Create(CultureInfo.InvariantCulture, $"Writing {size - written:N0} more active chats (not due) …"));
            await WriteChatsAsync(connectionString, world, experts, size - written, ChatShape.NotDue, random);
            written = size;

            // One untimed pass first (JIT, EF model, query plans), then the measured ones.
            await PassAsync(app);
            var quiet = new Figures();
            var busy = new Figures();
            for (var pass = 0; pass < passes; pass++)
            {
                quiet.Add(await PassAsync(app));
                await WriteChatsAsync(connectionString, world, experts, due, ChatShape.MissedDeadline, random);
                await WriteChatsAsync(connectionString, world, experts, due, ChatShape.IdleWarningDue, random);
                busy.Add(await PassAsync(app));
                busy.Resolved += await StillDueAsync(connectionString) == 0 ? 2 * due : 0;
                busy.Due += 2 * due;
            }

            rows.Add((size, "nothing due", quiet));
            rows.Add((size, string.Create(CultureInfo.InvariantCulture, $"{due} missed + {due} idle due"), busy));
            Progress.Say(string.Create(CultureInfo.InvariantCulture, $"{size:N0} active chats: {quiet.Sql.Average():0.0} / {busy.Sql.Average():0.0} SQL commands per pass"));
        }

        Print(Console.Out, rows, passes, logs);
        return 0;
    }

    private static async Task<(long Sql, double Milliseconds)> PassAsync(BenchmarkAppFactory app)
    {
        using var sweeper = ActivatorUtilities.CreateInstance<RoutingSweeper>(app.Services);
        var before = app.Sql.Totals;
        var clock = Stopwatch.StartNew();
        await sweeper.SweepAsync();
        clock.Stop();
        return ((app.Sql.Totals - before).Commands, clock.Elapsed.TotalMilliseconds);
    }

    private static void Print(TextWriter output, List<(int Active, string Kind, Figures Figures)> rows, int passes, AppLogSink logs)
    {
        output.WriteLine();
        output.WriteLine(LoadReport.Invariant($"VirtualShopping routing sweep — one full pass of RoutingSweeper.SweepAsync, {passes} passes of each kind"));
        output.WriteLine(LoadReport.Invariant($"machine: {Environment.ProcessorCount} cores{LoadReport.LoadAverage()}"));
        output.WriteLine("| active chats not due | pass | time p50 / max | SQL commands per pass | due work resolved |");
        output.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var (active, kind, figures) in rows)
        {
            output.WriteLine(LoadReport.Invariant(
                $"| {active:N0} | {kind} | {LoadReport.Ms(figures.Percentile(50))} / {LoadReport.Ms(figures.Time.Max())} | {figures.Sql.Average():0.0} (max {figures.Sql.Max()}) | {(figures.Due > 0 ? LoadReport.Invariant($"{figures.Resolved} of {figures.Due}") : "–")} |"));
        }

        output.WriteLine();
        output.WriteLine(LoadReport.Invariant($"app warnings / errors: {logs.Warnings} / {logs.Errors}"));
        foreach (var (what, count) in logs.Top(5))
        {
            output.WriteLine(LoadReport.Invariant($"  {count,6} × {what}"));
        }

        output.WriteLine();
    }

    private enum ChatShape
    {
        NotDue,
        MissedDeadline,
        IdleWarningDue,
    }

    /// <summary>Chats of the given shape, written with raw ADO.NET in one transaction (values as the EF Core SQLite model stores them).</summary>
    private static async Task WriteChatsAsync(string connectionString, BenchmarkWorld world, List<Guid> experts, int count, ChatShape shape, Random random)
    {
        if (count <= 0)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        using var insert = InboxData.Command(connection, transaction, "Chats",
            "Id", "MerchantId", "ShopperId", "ShopperName", "DepartmentId", "Language", "PageUrl", "Status", "StartedAt", "QueuedAt", "ClaimDeadline",
            "WavesSent", "NextWaveAt", "ExpertId", "ExpertName", "ShopperReadSequence", "ExpertReadSequence", "ClaimedAt",
            "LastActivityAt", "TranscriptQueued", "IsPriority", "EmailedThroughSequence");
        for (var i = 0; i < count; i++)
        {
            var waiting = shape == ChatShape.MissedDeadline;
            var lastActivity = shape switch
            {
                ChatShape.NotDue => now.AddSeconds(-random.Next(0, 7 * 60)),
                ChatShape.IdleWarningDue => now.AddMinutes(-9),
                _ => now.AddMinutes(-3),
            };
            var started = lastActivity.AddMinutes(-5);
            var expert = waiting ? (Guid?)null : experts[random.Next(experts.Count)];
            InboxData.Bind(insert,
                InboxData.Text(Guid.CreateVersion7(started)), InboxData.Text(world.MerchantId), InboxData.Text(Guid.NewGuid()), "Sweep shopper", InboxData.Text(world.ShoesId),
                "en", "https://www.benchmark.example/shoes", (waiting ? ChatStatus.Waiting : ChatStatus.Active).ToString(), InboxData.Long(started), InboxData.Long(started),
                InboxData.Long(waiting ? now.AddSeconds(-5) : started.AddSeconds(90)), 1, null, expert is null ? null : InboxData.Text(expert.Value), expert is null ? null : "Expert",
                0, 0, waiting ? null : InboxData.Long(started.AddSeconds(8)), InboxData.Long(lastActivity), 0, 0, 0);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>Chats the last pass should have resolved but did not: waiting past their deadline, or silent for 9 minutes and not warned.</summary>
    private static async Task<long> StillDueAsync(string connectionString)
    {
        var now = DateTimeOffset.UtcNow;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM "Chats"
            WHERE ("Status" = 'Waiting' AND "ClaimDeadline" <= $now)
               OR ("Status" = 'Active' AND "IdleWarningSentAt" IS NULL AND "LastActivityAt" <= $idle)
            """;
        command.Parameters.AddWithValue("$now", InboxData.Long(now));
        command.Parameters.AddWithValue("$idle", InboxData.Long(now.AddMinutes(-8.5)));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<Guid>> ExpertIdsAsync(IServiceProvider services, BenchmarkWorld world)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(world.MerchantId);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
        return await db.StaffMembers.Select(s => s.Id).ToListAsync();
    }

    private static async Task<string> ConnectionStringAsync(IServiceProvider services, BenchmarkWorld world)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(world.MerchantId);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
        return db.Database.GetConnectionString()!;
    }

    /// <summary>Time and SQL commands of several passes.</summary>
    private sealed class Figures
    {
        public List<long> Sql { get; } = [];

        public List<double> Time { get; } = [];

        public int Due { get; set; }

        public int Resolved { get; set; }

        public void Add((long Sql, double Milliseconds) pass)
        {
            Sql.Add(pass.Sql);
            Time.Add(pass.Milliseconds);
        }

        public double? Percentile(double p)
        {
            var samples = new LatencySamples();
            foreach (var t in Time)
            {
                samples.Add(t);
            }

            return samples.Percentile(p);
        }
    }
}
