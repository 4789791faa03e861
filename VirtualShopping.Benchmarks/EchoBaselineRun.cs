using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// The same number of sender/receiver pairs and messages as the app run, through a bare SignalR hub in a
/// minimal Kestrel app: what a message costs with no REST call, database write or routing on its way.
/// </summary>
internal static class EchoBaselineRun
{
    public static async Task<EchoResult> RunAsync(BenchmarkOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        await using var app = builder.Build();
        app.MapHub<EchoHub>(EchoHub.Path);
        await app.StartAsync();
        var url = new Uri(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), EchoHub.Path);
        Progress.Say($"Echo baseline: bare hub at {url}; connecting {options.Shoppers} sender/receiver pairs …");

        var tracker = new MessageTracker();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency };
        var pairs = new ConcurrentBag<EchoPair>();
        try
        {
            var before = MemorySnapshot.Take();

            // As the app run does: the second half's cost per connection, free of one-time costs.
            var firstHalf = options.Shoppers / 2;
            await ConnectPairsAsync(url, Enumerable.Range(1, firstHalf), parallel, tracker, pairs);
            var half = MemorySnapshot.Take();
            await ConnectPairsAsync(url, Enumerable.Range(firstHalf + 1, options.Shoppers - firstHalf), parallel, tracker, pairs);
            var secondHalf = pairs.Count - firstHalf;
            var after = MemorySnapshot.Take();
            await MemorySnapshot.PauseForHeapDumpAsync("echo hub connections");
            var (managedOverall, _) = MemorySnapshot.PerConnectionKilobytes(before, after, pairs.Count * 2);
            var (managed, workingSet) = MemorySnapshot.PerConnectionKilobytes(half, after, secondHalf * 2);
            Progress.Say(string.Create(CultureInfo.InvariantCulture, $"{pairs.Count * 2} echo connections open: {managed:0.0} KB managed, {workingSet:0.0} KB working set each"));

            await using (var warmUp = await EchoPair.ConnectAsync(url, 0, tracker))
            {
                var samples = new LatencySamples();
                await warmUp.SendAsync(options.Messages, tracker, samples, samples, options.MessageTimeout);
            }

            var latency = new LatencySamples();
            var acks = new LatencySamples();
            var lost = 0;
            await using var messagingProbe = new PhaseProbe(new SqlCommandCounter());
            await Parallel.ForEachAsync(pairs, new ParallelOptions { MaxDegreeOfParallelism = options.SendersFor(pairs.Count) }, async (pair, _) =>
                Interlocked.Add(ref lost, await pair.SendAsync(options.Messages, tracker, latency, acks, options.MessageTimeout)));
            var messaging = await messagingProbe.StopAsync();
            Progress.Say(string.Create(CultureInfo.InvariantCulture, $"{latency.Count} echo messages delivered in {messaging.Wall.TotalSeconds:0.00} s"));
            return new EchoResult(pairs.Count, latency.Count, lost, messaging, latency.Percentile(50), latency.Percentile(99), managed, workingSet)
            {
                AckP50 = acks.Percentile(50),
                AckP99 = acks.Percentile(99),
                ConnectFailures = options.Shoppers - pairs.Count,
                ManagedKilobytesPerConnectionOverall = managedOverall,
            };
        }
        finally
        {
            await Parallel.ForEachAsync(pairs, parallel, async (pair, _) => await pair.DisposeAsync());
            await app.StopAsync();
        }
    }

    private static async Task ConnectPairsAsync(Uri url, IEnumerable<int> numbers, ParallelOptions parallel, MessageTracker tracker, ConcurrentBag<EchoPair> pairs) =>
        await Parallel.ForEachAsync(numbers, parallel, async (n, _) =>
        {
            try
            {
                pairs.Add(await EchoPair.ConnectAsync(url, n, tracker));
            }
            catch (Exception e) when (e is HttpRequestException or IOException or System.Net.WebSockets.WebSocketException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                Progress.Say($"Echo pair {n} could not connect: {e.GetType().Name}: {e.Message.Split('\n', 2)[0]}");
            }
        });

    /// <summary>A sender and a receiver connection; the receiver listens on the pair's group.</summary>
    private sealed class EchoPair(int number, HubConnection sender, HubConnection receiver) : IAsyncDisposable
    {
        private readonly HubConnection sender = sender;
        private readonly HubConnection receiver = receiver;

        private string Group => string.Create(CultureInfo.InvariantCulture, $"pair:{number}");

        public static async Task<EchoPair> ConnectAsync(Uri url, int number, MessageTracker tracker)
        {
            var pair = new EchoPair(number, HubConnections.Build(url, null), HubConnections.Build(url, null));
            pair.receiver.On<EchoMessage>(EchoHub.MessageReceived, message => tracker.Arrived(message.ClientMessageId, pair.Group));
            await pair.receiver.StartAsync();
            await pair.receiver.InvokeAsync(nameof(EchoHub.Join), pair.Group);
            await pair.sender.StartAsync();
            return pair;
        }

        /// <summary>Sends messages one after another (each invocation awaited, as the app's POST is) and waits for each to arrive; returns how many never did.</summary>
        public async Task<int> SendAsync(int count, MessageTracker tracker, LatencySamples latency, LatencySamples acks, TimeSpan patience)
        {
            var arrivals = new List<(string Id, Task<double> Arrival)>();
            for (var i = 1; i <= count; i++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"echo-{number}-{i}");
                arrivals.Add((id, tracker.Expect(id, Group)));
                var sentAt = System.Diagnostics.Stopwatch.GetTimestamp();
                await sender.InvokeAsync(nameof(EchoHub.Relay), Group, id, string.Create(CultureInfo.InvariantCulture, $"Do you have these in size {36 + i}?"));
                acks.Add(System.Diagnostics.Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
            }

            var lost = 0;
            using var deadline = new CancellationTokenSource(patience);
            foreach (var (id, arrival) in arrivals)
            {
                try
                {
                    latency.Add(await arrival.WaitAsync(deadline.Token));
                }
                catch (OperationCanceledException)
                {
                    tracker.Forget(id);
                    lost++;
                }
            }

            return lost;
        }

        public async ValueTask DisposeAsync()
        {
            await sender.DisposeAsync();
            await receiver.DisposeAsync();
        }
    }
}
