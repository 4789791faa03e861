using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// One run against the real app: experts connect and go available, shoppers connect (memory is measured
/// around opening all those hub connections), one warm-up chat, then the routing phase (every shopper starts
/// a chat and waits for a claim) and the messaging phase (every claimed chat gets its messages).
/// </summary>
internal static class ChatLoadRun
{
    public static async Task<ChatLoadResult> RunAsync(BenchmarkOptions options)
    {
        var logs = new AppLogSink();
        await using var app = new BenchmarkAppFactory(logs, options.SqliteBusyTimeoutMilliseconds);
        Progress.Say("Starting the app on a loopback Kestrel port over a fresh SQLite file …");
        app.Start();
        Progress.Say($"App listening on {app.BaseAddress}; creating the merchant and {options.Experts} experts …");
        var world = await BenchmarkWorld.CreateAsync(app.Services, options.Experts);

        // Many senders at once share a bounded pool of HTTP connections (each costs two sockets in this process).
        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10), MaxConnectionsPerServer = options.HttpConnections };
        var (transport, transportNote) = HubMessaging.Resolve(options.Transport);
        if (transportNote is not null)
        {
            Progress.Say($"Note: {transportNote}.");
        }

        var claimTransport = transport == MessageTransport.Hub && HubMessaging.ExpertHubCanClaim ? MessageTransport.Hub : MessageTransport.Rest;
        var metrics = new ChatLoadMetrics();
        var tracker = new MessageTracker();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency };

        // Connection failures are kept apart: the metrics are cleared after the warm-up chat.
        var setup = new ProblemTally();

        // Token issue checks a password hash: a few at a time is what two cores take.
        var experts = await OpenAllAsync(world.ExpertEmails, 4, email => ExpertAgent.SignInAsync(handler, app.BaseAddress, email, metrics, tracker), setup, "expert sign-in");
        foreach (var expert in experts)
        {
            expert.ClaimOverHub = claimTransport == MessageTransport.Hub;
        }

        using var churn = new CancellationTokenSource();
        Task churning = Task.CompletedTask;
        var shoppers = new List<ShopperAgent>();
        try
        {
            logs.Phase = "connecting";
            var before = MemorySnapshot.Take();
            Progress.Say($"{experts.Count} experts signed in; connecting them to {Web.Features.Chats.ExpertHub.Path} and going available …");
            var available = new ConcurrentBag<ExpertAgent>();
            await Parallel.ForEachAsync(experts, parallel, async (expert, _) =>
            {
                if (await TryAsync(expert.ConnectAndGoAvailableAsync, setup, "expert hub connect"))
                {
                    available.Add(expert);
                }
            });

            Progress.Say($"Connecting {options.Shoppers} shoppers to {Web.Features.Chats.ShopperHub.Path} …");
            // In two halves: the second half's cost per connection is free of one-time costs (JIT, DI and EF
            // compilation, caches) that the first connections and requests pay, which the echo hub pays far less of.
            var firstHalf = options.Shoppers / 2;
            shoppers = await OpenAllAsync(Enumerable.Range(1, firstHalf), options.Concurrency, n => ShopperAgent.ConnectAsync(handler, app.BaseAddress, world.WidgetKey, n), setup, "shopper connect");
            var half = MemorySnapshot.Take();
            var secondHalf = await OpenAllAsync(Enumerable.Range(firstHalf + 1, options.Shoppers - firstHalf), options.Concurrency, n => ShopperAgent.ConnectAsync(handler, app.BaseAddress, world.WidgetKey, n), setup, "shopper connect");
            shoppers.AddRange(secondHalf);
            var after = MemorySnapshot.Take();
            await MemorySnapshot.PauseForHeapDumpAsync("app hub connections");
            var connections = available.Count + shoppers.Count;
            var (managedOverall, _) = MemorySnapshot.PerConnectionKilobytes(before, after, connections);
            var (managed, workingSet) = MemorySnapshot.PerConnectionKilobytes(half, after, secondHalf.Count);
            Progress.Say(string.Create(CultureInfo.InvariantCulture, $"{connections} hub connections open: {managed:0.0} KB managed, {workingSet:0.0} KB working set each (the last {secondHalf.Count}); {managedOverall:0.0} KB managed each over all, one-time costs included"));

            logs.Phase = "the warm-up chat";
            await WarmUpAsync(handler, app.BaseAddress, world, options, metrics, tracker, transport);
            metrics.Clear();
            if (options.Realistic)
            {
                foreach (var expert in experts)
                {
                    expert.Realistic = true;
                }

                churning = ComeAndGoAsync([.. available], metrics, churn.Token);
            }

            Progress.Say($"Routing: {shoppers.Count} shoppers start chats, {options.Concurrency} at a time …");
            var claimed = 0;
            logs.Phase = "routing";
            app.Sql.ResetKinds();
            Turns.Reset();
            await using var routingProbe = new PhaseProbe(app.Sql);
            var notStarted = 0;
            await Parallel.ForEachAsync(shoppers, parallel, async (shopper, _) =>
            {
                if (options.RoutingBudgetSeconds is { } budget && routingProbe.Elapsed.TotalSeconds >= budget)
                {
                    // A slow app would take an hour to route a big shape: past the budget no new chat starts.
                    Interlocked.Increment(ref notStarted);
                    return;
                }

                if (await shopper.StartChatAndWaitForExpertAsync(world.ShoesId, options.ClaimTimeout, metrics.Problems))
                {
                    Interlocked.Increment(ref claimed);
                }
            });
            var routingWall = routingProbe.Elapsed;

            // The losers' 409s may still be on their way: their cost belongs to routing too.
            await metrics.SettleAsync(TimeSpan.FromSeconds(30));
            var routing = await routingProbe.StopAsync();
            Progress.Say(string.Create(CultureInfo.InvariantCulture, $"{claimed} of {shoppers.Count} chats claimed in {routingWall.TotalSeconds:0.00} s"));
            var routingHubMessages = metrics.HubMessages;
            SayKinds(app.Sql);
            if (notStarted > 0)
            {
                Progress.Say(string.Create(CultureInfo.InvariantCulture, $"{notStarted} shoppers never started a chat: the routing budget of {options.RoutingBudgetSeconds} s ran out"));
            }

            app.Sql.ResetKinds();
            var senders = options.SendersFor(claimed);
            Progress.Say($"Messaging: {options.Messages} messages per claimed chat over {transport.ToString().ToUpperInvariant()}, {senders} chats at once{(options.Realistic ? ", at human speed with typing signals" : string.Empty)} …");
            logs.Phase = "messaging";
            await using var messagingProbe = new PhaseProbe(app.Sql);
            await Parallel.ForEachAsync(shoppers.Where(s => s.Chat is not null), new ParallelOptions { MaxDegreeOfParallelism = senders }, async (shopper, _) =>
                await shopper.SendMessagesAsync(options.Messages, tracker, metrics, options.MessageTimeout, transport, options.Realistic));
            var messaging = await messagingProbe.StopAsync();
            Progress.Say(string.Create(CultureInfo.InvariantCulture, $"{metrics.MessageLatency.Count} messages delivered in {messaging.Wall.TotalSeconds:0.00} s"));
            SayKinds(app.Sql);
            await churn.CancelAsync();
            await churning;

            return new ChatLoadResult(
                shoppers.Count,
                available.Count,
                claimed,
                routingWall,
                routing,
                messaging,
                metrics.ClaimLatency.Percentile(50),
                metrics.ClaimLatency.Percentile(99),
                metrics.MessageLatency.Count,
                metrics.MessageLatency.Percentile(50),
                metrics.MessageLatency.Percentile(99),
                managed,
                workingSet,
                metrics.ClaimConflicts.Snapshot(),
                [.. setup.Snapshot(), .. metrics.Problems.Snapshot()],
                logs.Warnings,
                logs.Errors,
                logs.Top(8))
            {
                ManagedKilobytesPerConnectionOverall = managedOverall,
                Transport = transport,
                TransportNote = transportNote,
                ClaimTransport = claimTransport,
                RoutingHubMessages = routingHubMessages,
                Senders = senders,
                MessagesExpected = options.Messages * claimed,
                ChatsNotStarted = notStarted,
                AckP50 = metrics.AckLatency.Percentile(50),
                AckP99 = metrics.AckLatency.Percentile(99),
                TypingSignals = metrics.TypingSignals,
                Declines = metrics.Declines,
                AvailabilityChanges = metrics.AvailabilityChanges,
            };
        }
        finally
        {
            await churn.CancelAsync();
            await churning;
            Progress.Say("Disconnecting and stopping the app …");
            await Parallel.ForEachAsync(shoppers, parallel, async (shopper, _) => await shopper.DisposeAsync());
            await Parallel.ForEachAsync(experts, parallel, async (expert, _) => await expert.DisposeAsync());
        }
    }

    /// <summary>One chat end to end before measuring, so first-call costs (JIT, EF model, query plans) stay out of the figures.</summary>
    private static async Task WarmUpAsync(HttpMessageHandler handler, Uri baseAddress, BenchmarkWorld world, BenchmarkOptions options, ChatLoadMetrics metrics, MessageTracker tracker, MessageTransport transport)
    {
        Progress.Say("Warm-up chat …");
        await using var shopper = await ShopperAgent.ConnectAsync(handler, baseAddress, world.WidgetKey, 0);
        if (await shopper.StartChatAndWaitForExpertAsync(world.ShoesId, options.ClaimTimeout, metrics.Problems))
        {
            await shopper.SendMessagesAsync(2, tracker, metrics, options.MessageTimeout, transport);
            await shopper.EndChatAsync();
        }
        else
        {
            Progress.Say($"The warm-up chat failed: {string.Join("; ", metrics.Problems.Snapshot().Select(p => p.Key))}");
        }

        await metrics.SettleAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// The realistic run's experts coming and going: every second one available expert (while at most a tenth are
    /// away) switches to unavailable and comes back 5–15 s later, until the run is over.
    /// </summary>
    private static async Task ComeAndGoAsync(IReadOnlyList<ExpertAgent> experts, ChatLoadMetrics metrics, CancellationToken stop)
    {
        var away = new List<Task>();
        var random = new Random(11);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var here = experts.Where(e => e.Available).ToList();
                if (here.Count == 0 || experts.Count - here.Count >= Math.Max(1, experts.Count / 10))
                {
                    continue;
                }

                var expert = here[random.Next(here.Count)];
                var pause = TimeSpan.FromMilliseconds(random.Next(5_000, 15_000));
                away.Add(AwayAsync(expert, pause, metrics));
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over; those away come back below.
        }

        await Task.WhenAll(away);
    }

    private static async Task AwayAsync(ExpertAgent expert, TimeSpan pause, ChatLoadMetrics metrics)
    {
        try
        {
            await expert.SetAvailableAsync(false);
            metrics.WentAway();
            await Task.Delay(pause);
            await expert.SetAvailableAsync(true);
        }
        catch (HttpRequestException e)
        {
            metrics.Problems.Add($"availability change failed: {e.Message}");
        }
    }

    /// <summary>Opens things a few at a time; those that fail are tallied and left out.</summary>
    private static async Task<List<T>> OpenAllAsync<TSource, T>(IEnumerable<TSource> sources, int concurrency, Func<TSource, Task<T>> open, ProblemTally problems, string what)
    {
        var opened = new ConcurrentBag<T>();
        await Parallel.ForEachAsync(sources, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (source, _) =>
        {
            T? item = default;
            if (await TryAsync(async () => item = await open(source), problems, what))
            {
                opened.Add(item!);
            }
        });
        return [.. opened];
    }

    private static async Task<bool> TryAsync(Func<Task> action, ProblemTally problems, string what)
    {
        try
        {
            await action();
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or WebSocketException or IOException or InvalidOperationException or SocketException or AggregateException)
        {
            problems.Add($"{what} failed: {e.GetType().Name}: {e.Message.Split('\n', 2)[0]}");
            return false;
        }
    }

    /// <summary>With BENCH_SQL_KINDS set: the phase's commands by kind, the most time in SQLite first.</summary>
    private static readonly WriteTurns Turns = new();

    private static void SayKinds(SqlCommandCounter sql)
    {
        if (Environment.GetEnvironmentVariable("BENCH_SQL_KINDS") is not { Length: > 0 })
        {
            return;
        }

        foreach (var line in Turns.Lines())
        {
            Progress.Say("  " + line);
        }

        Turns.Reset();
        foreach (var (kind, count, time) in sql.Kinds.Take(14))
        {
            Progress.Say(string.Create(CultureInfo.InvariantCulture, $"  SQL {count,7} × {time.TotalMilliseconds / count,8:0.000} ms = {time.TotalSeconds,6:0.00} s  {kind}"));
        }
    }
}
