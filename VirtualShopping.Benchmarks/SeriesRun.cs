using System.Globalization;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// Several shapes one after another in one process, each a full run (the app on a fresh database, then the echo
/// baseline), each report printed as it ends, then one table of how every figure grows from shape to shape:
/// `scale` (240, 1,100 and 5,000 connections) and `experts` (1,000 shoppers with 40, 100 and 300 experts).
/// </summary>
internal static class SeriesRun
{
    public const string ScaleShapes = "200x40,1000x100,4500x500";
    public const string ExpertShapes = "1000x40,1000x100,1000x300";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, string defaultShapes, string title)
    {
        // Each shape's routing stops starting chats after 90 s unless told otherwise: a slow build must not take an hour.
        var options = BenchmarkOptions.Parse(args, BenchmarkOptions.Defaults with { RoutingBudgetSeconds = 90, Concurrency = 64 }, out var error, out var shapeText);
        var shapes = options is null ? null : ParseShapes(shapeText ?? defaultShapes);
        if (options is null || shapes is null)
        {
            await Console.Error.WriteLineAsync(string.IsNullOrEmpty(error) ? "--shapes is a list like 200x40,1000x100 (shoppers x experts)." : error);
            await Console.Error.WriteLineAsync(BenchmarkOptions.Usage);
            return 2;
        }

        BenchmarkProgram.ApplyThreadPool(options);
        var runs = new List<(BenchmarkOptions Options, ChatLoadResult App, EchoResult Echo)>();
        foreach (var (shoppers, experts) in shapes)
        {
            var shape = options with { Shoppers = shoppers, Experts = experts };
            Progress.Say(string.Create(CultureInfo.InvariantCulture, $"━━ Shape {shoppers} shoppers + {experts} experts ({shoppers + experts} connections) ━━"));
            if (!FileDescriptors.Enough(shape, out var warning))
            {
                Progress.Say(warning);
            }

            var app = await ChatLoadRun.RunAsync(shape);
            var echo = await EchoBaselineRun.RunAsync(shape);
            LoadReport.Print(Console.Out, shape, app, echo);
            runs.Add((shape, app, echo));
        }

        PrintGrowth(Console.Out, title, runs);
        return 0;
    }

    /// <summary>"200x40,1000x100" → (200, 40), (1000, 100); null when it does not read.</summary>
    private static List<(int Shoppers, int Experts)>? ParseShapes(string text)
    {
        var shapes = new List<(int, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var numbers = part.Split('x', 'X');
            if (numbers.Length != 2
                || !int.TryParse(numbers[0], NumberStyles.None, CultureInfo.InvariantCulture, out var shoppers)
                || !int.TryParse(numbers[1], NumberStyles.None, CultureInfo.InvariantCulture, out var experts)
                || shoppers < 1 || experts < 1)
            {
                return null;
            }

            shapes.Add((shoppers, experts));
        }

        return shapes.Count > 0 ? shapes : null;
    }

    private static void PrintGrowth(TextWriter output, string title, List<(BenchmarkOptions Options, ChatLoadResult App, EchoResult Echo)> runs)
    {
        var transport = runs.Select(r => r.App.Transport.ToString().ToUpperInvariant()).Distinct();
        output.WriteLine();
        output.WriteLine(LoadReport.Invariant($"{title}: how each figure grows (messages over {string.Join("/", transport)}; echo hub baseline of the same run in brackets)"));
        output.WriteLine(LoadReport.Invariant($"machine: {Environment.ProcessorCount} cores{LoadReport.LoadAverage()}"));
        var header = new List<string> { "figure" };
        header.AddRange(runs.Select(r => LoadReport.Invariant($"{r.App.Connections:N0} conn ({r.Options.Shoppers}+{r.Options.Experts})")));
        header.Add("last ÷ first");
        var rows = new List<List<string>> { header };

        void Add(string label, Func<ChatLoadResult, EchoResult, string> cell, Func<ChatLoadResult, EchoResult, double?> value)
        {
            var row = new List<string> { label };
            row.AddRange(runs.Select(r => cell(r.App, r.Echo)));
            var first = value(runs[0].App, runs[0].Echo);
            var last = value(runs[^1].App, runs[^1].Echo);
            row.Add(first is > 0 && last is not null && runs.Count > 1 ? LoadReport.Invariant($"× {last.Value / first.Value:0.00}") : string.Empty);
            rows.Add(row);
        }

        Add("chats routed/s", (a, _) => LoadReport.Invariant($"{a.ChatsPerSecond:0.0}"), (a, _) => a.ChatsPerSecond);
        Add("transport ceiling chats/s", (a, e) => LoadReport.TransportFloor(a, e) is { } f ? LoadReport.Invariant($"{f.ChatsPerSecond:0.0} ({f.MessagesPerChat:0} msgs/chat)") : "–", (a, e) => LoadReport.TransportFloor(a, e)?.ChatsPerSecond);
        Add("SQL per chat", (a, _) => Number(a.SqlPerChat), (a, _) => a.SqlPerChat);
        Add("claim p50 / p99", (a, _) => $"{LoadReport.Ms(a.ClaimP50)} / {LoadReport.Ms(a.ClaimP99)}", (a, _) => a.ClaimP99);
        Add("message p50 / p99 (echo)", (a, e) => $"{LoadReport.Ms(a.MessageP50)} / {LoadReport.Ms(a.MessageP99)} ({LoadReport.Ms(e.MessageP50)} / {LoadReport.Ms(e.MessageP99)})", (a, _) => a.MessageP99);
        Add("p99 ÷ echo p99", (a, e) => Ratio(a.MessageP99, e.MessageP99), (a, e) => a.MessageP99 / e.MessageP99);
        Add("messages/s (echo)", (a, e) => LoadReport.Invariant($"{a.MessagesPerSecond:0} ({e.MessagesPerSecond:0})"), (a, _) => a.MessagesPerSecond);
        Add("SQL per message", (a, _) => Number(a.SqlPerMessage), (a, _) => a.SqlPerMessage);
        Add("memory/conn KB (echo)", (a, e) => LoadReport.Invariant($"{a.ManagedKilobytesPerConnection:0.0} ({e.ManagedKilobytesPerConnection:0.0})"), (a, _) => a.ManagedKilobytesPerConnection);
        Add("memory ÷ echo", (a, e) => Ratio(a.ManagedKilobytesPerConnection, e.ManagedKilobytesPerConnection), (a, e) => a.ManagedKilobytesPerConnection / e.ManagedKilobytesPerConnection);
        Add("failed chats / lost msgs", (a, _) => LoadReport.Invariant($"{a.ShoppersConnected - a.ChatsClaimed - a.ChatsNotStarted} / {a.MessagesExpected - a.MessagesDelivered}") + (a.ChatsNotStarted > 0 ? LoadReport.Invariant($" ({a.ChatsNotStarted} not started)") : string.Empty), (_, _) => null);
        Add("app warnings / errors", (a, _) => LoadReport.Invariant($"{a.AppWarnings} / {a.AppErrors}"), (_, _) => null);

        var widths = Enumerable.Range(0, header.Count).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine("| " + string.Join(" | ", row.Select((cell, c) => cell.PadRight(widths[c]))) + " |");
            if (row == header)
            {
                output.WriteLine("| " + string.Join(" | ", widths.Select(w => new string('-', w))) + " |");
            }
        }

        output.WriteLine();
    }

    private static string Number(double? value) => value is { } v ? LoadReport.Invariant($"{v:0.0}") : "n/a";

    private static string Ratio(double? value, double? baseline) =>
        value is { } v && baseline is > 0 ? LoadReport.Invariant($"{v / baseline.Value:0.0}×") : "n/a";
}
