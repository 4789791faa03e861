using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace VirtualShopping.Benchmarks;

/// <summary>The report table on stdout.</summary>
internal static class LoadReport
{
    private const int LabelWidth = 27;

    public static void Print(TextWriter output, BenchmarkOptions options, ChatLoadResult app, EchoResult echo)
    {
        ArgumentNullException.ThrowIfNull(output);
        var failedChats = app.ShoppersConnected - app.ChatsClaimed - app.ChatsNotStarted;
        var conflicts = app.ClaimConflicts.Sum(c => c.Value);

        output.WriteLine();
        output.WriteLine(Invariant($"VirtualShopping load benchmark{(options.Realistic ? " (realistic)" : string.Empty)} — {options.Shoppers} shoppers, {options.Experts} experts, {options.Messages} messages each ({options.Concurrency} shoppers at a time)"));
        output.WriteLine(Invariant($"messages over {app.Transport.ToString().ToUpperInvariant()}, {app.Senders} chats sending at once, each sender awaiting its acknowledgement") + (app.TransportNote is null ? string.Empty : $" ({app.TransportNote})"));
        output.WriteLine(Invariant($"claims over {app.ClaimTransport.ToString().ToUpperInvariant()}") + (app.ClaimTransport == MessageTransport.Hub ? " (ExpertHub.ClaimOffer)" : " (POST /api/v1/expert/offers/{id}/claim)"));
        if (options.Realistic)
        {
            output.WriteLine(Invariant($"realistic: experts look 1–10 s before claiming, 1 in 10 declines ({app.Declines} declined), a few go unavailable and back ({app.AvailabilityChanges} times); shoppers think 1–3 s and type 2–5 s ({app.TypingSignals} typing signals)"));
        }

        if (options.MinThreads is not null || options.SqliteBusyTimeoutMilliseconds is not null)
        {
            output.WriteLine(Invariant($"experiment: thread pool minimum {options.MinThreads?.ToString(CultureInfo.InvariantCulture) ?? "default"}, SQLite busy_timeout {options.SqliteBusyTimeoutMilliseconds?.ToString(CultureInfo.InvariantCulture) ?? "not set"} ms"));
        }

        output.WriteLine(Invariant($"machine: {Environment.ProcessorCount} cores{LoadAverage()}; {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC"));
        output.WriteLine(new string('─', 100));
        Row(output, "chats routed/s", Invariant($"{app.ChatsPerSecond:0.0}   ({app.ChatsClaimed} of {app.ShoppersConnected} chats claimed in {app.RoutingWall.TotalSeconds:0.00} s)"));
        Row(output, "SQL per chat", Invariant($"{Num(app.SqlPerChat)}   (routing phase commands ÷ chats claimed)"));
        if (TransportFloor(app, echo) is { } floor)
        {
            Row(output, "  transport ceiling", Invariant($"{floor.ChatsPerSecond:0.0} chats/s   ({floor.MessagesPerChat:0} hub messages per routed chat at the experts × {floor.CpuMicrosecondsPerMessage:0} µs of CPU per hub message in the echo run, over {Environment.ProcessorCount} cores)"));
        }

        Row(output, "claim latency p50 / p99", $"{Ms(app.ClaimP50)} / {Ms(app.ClaimP99)}   ({(options.Realistic ? "the expert pressing claim" : "offerReceived at the expert")} → claim 200)");
        Row(output, "message latency p50 / p99", $"{Ms(app.MessageP50)} / {Ms(app.MessageP99)}   (echo hub baseline: {Ms(echo.MessageP50)} / {Ms(echo.MessageP99)})");
        Row(output, "message ack p50 / p99", $"{Ms(app.AckP50)} / {Ms(app.AckP99)}   (send → stored and acknowledged; echo hub invocation: {Ms(echo.AckP50)} / {Ms(echo.AckP99)})");
        Row(output, "SQL per message", Invariant($"{Num(app.SqlPerMessage)}   (messaging phase commands ÷ messages delivered{(options.Realistic ? ", typing signals included" : string.Empty)})"));
        Row(output, "messages delivered/s", Invariant($"{app.MessagesPerSecond:0.0}   ({app.MessagesDelivered} delivered; echo hub baseline: {echo.MessagesPerSecond:0.0}/s, {echo.MessagesDelivered} delivered)"));
        Row(output, "memory per connection", Invariant($"{app.ManagedKilobytesPerConnection:0.0} KB   (managed heap, both ends, the second half of the connections; working set {app.WorkingSetKilobytesPerConnection:0.0} KB; echo hub baseline: {echo.ManagedKilobytesPerConnection:0.0} KB / {echo.WorkingSetKilobytesPerConnection:0.0} KB; {MemoryRatio(app.ManagedKilobytesPerConnection, echo.ManagedKilobytesPerConnection)} the echo's)"));
        Row(output, "  over all connections", Invariant($"{app.ManagedKilobytesPerConnectionOverall:0.0} KB   (one-time costs of the first connections and requests included; echo hub: {echo.ManagedKilobytesPerConnectionOverall:0.0} KB)"));
        Row(output, "hub connections", Invariant($"{app.ShoppersConnected + app.ExpertsConnected}   ({app.ShoppersConnected} shoppers, {app.ExpertsConnected} experts; echo hub baseline: {echo.Pairs * 2}{(echo.ConnectFailures > 0 ? Invariant($", {echo.ConnectFailures} pairs failed to connect") : string.Empty)})"));
        Row(output, "409 claim conflicts", Invariant($"{conflicts}") + (conflicts > 0 ? $"   ({string.Join(", ", app.ClaimConflicts.Select(c => Invariant($"{c.Key} {c.Value}")))})" : string.Empty));
        Row(output, "failed chats", Invariant($"{failedChats}") + (failedChats > 0 ? "   (not claimed in time, or refused; see problems)" : string.Empty));
        if (app.ChatsNotStarted > 0)
        {
            Row(output, "chats not started", Invariant($"{app.ChatsNotStarted}   (the routing budget of {options.RoutingBudgetSeconds} s ran out first)"));
        }
        Row(output, "lost messages", Invariant($"{options.Messages * app.ChatsClaimed - app.MessagesDelivered}   (echo hub baseline: {echo.MessagesLost})"));
        Row(output, "app warnings / errors", Invariant($"{app.AppWarnings} / {app.AppErrors}"));
        Row(output, "routing phase", Phase(app.Routing, app.ChatsClaimed, "chat"));
        Row(output, "messaging phase", Phase(app.Messaging, app.MessagesDelivered, "message"));
        Row(output, "echo messaging phase", Phase(echo.Messaging, 0, "message"));

        if (app.Problems.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Problems seen by the clients:");
            foreach (var (what, count) in app.Problems)
            {
                output.WriteLine(Invariant($"  {count,6} × {what}"));
            }
        }

        if (app.AppLog.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Most frequent app warnings and errors:");
            foreach (var (what, count) in app.AppLog)
            {
                output.WriteLine(Invariant($"  {count,6} × {what}"));
            }
        }

        output.WriteLine();
    }

    private static void Row(TextWriter output, string label, string value) => output.WriteLine(label.PadRight(LabelWidth) + value);

    /// <summary>Wall time, CPU, thread pool and SQL work of a phase, with the SQL per unit of work.</summary>
    /// <summary>
    /// What the transport alone allows: the echo hub's CPU time per hub message (its busy cores × its wall time ÷ 3 hub
    /// messages per relayed message: the invocation, the relay, the completion) times the hub messages one routed chat
    /// costs at the experts, against all cores. Null when routing carried no hub messages or the echo ran too short.
    /// </summary>
    internal static (double ChatsPerSecond, double MessagesPerChat, double CpuMicrosecondsPerMessage)? TransportFloor(ChatLoadResult app, EchoResult echo)
    {
        if (app.ChatsClaimed == 0 || app.RoutingHubMessages == 0 || echo.MessagesDelivered == 0 || echo.Messaging.Wall <= TimeSpan.Zero)
        {
            return null;
        }

        var cpuPerMessage = echo.Messaging.CoresBusy * echo.Messaging.Wall.TotalSeconds / (echo.MessagesDelivered * 3.0);
        var perChat = (double)app.RoutingHubMessages / app.ChatsClaimed;
        return (Environment.ProcessorCount / (perChat * cpuPerMessage), perChat, cpuPerMessage * 1_000_000);
    }

    private static string Phase(PhaseStats phase, int units, string unit)
    {
        var text = Invariant($"{phase.Wall.TotalSeconds:0.00} s, {phase.CoresBusy:0.0} of {Environment.ProcessorCount} cores busy, up to {phase.MaxPoolThreads} pool threads / {phase.MaxQueuedWorkItems} queued items");
        if (phase.Sql.Commands == 0)
        {
            return text;
        }

        var perUnit = units > 0 ? Invariant($" ({(double)phase.Sql.Commands / units:0.0} per {unit})") : string.Empty;
        return text + Invariant($"; {phase.Sql.Commands} SQL commands{perUnit}, {phase.Sql.Time.TotalSeconds:0.00} s inside SQLite, {phase.Sql.Failures} failed");
    }

    /// <summary>", load average 1.2 / 0.8 / 0.5" where Linux tells it: other work on the machine skews every figure.</summary>
    internal static string LoadAverage()
    {
        try
        {
            var fields = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ') : [];
            return fields.Length >= 3 ? $", load average {fields[0]} / {fields[1]} / {fields[2]} at the end" : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static string MemoryRatio(double app, double echo) => echo > 0 ? Invariant($"{app / echo:0.00}×") : "n/a";

    private static string Num(double? value) => value is { } v ? Invariant($"{v:0.0}") : "n/a";

    internal static string Ms(double? milliseconds) => milliseconds switch
    {
        null => "n/a",
        < 10 => Invariant($"{milliseconds:0.0} ms"),
        _ => Invariant($"{milliseconds:0} ms"),
    };

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
