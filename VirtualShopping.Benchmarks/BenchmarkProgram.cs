namespace VirtualShopping.Benchmarks;

/// <summary>
/// Load benchmark of chat routing: the real app on a loopback Kestrel port, experts and shoppers over real
/// WebSockets and REST, then a bare SignalR echo hub with as many pairs as a baseline; `realistic` first makes
/// the people behave like people; `scale` and `experts` run several shapes and print how the figures grow
/// (<see cref="SeriesRun"/>); `sweep` times the routing sweep over many active chats (<see cref="SweepRun"/>);
/// `widget` measures the widget in chromium (<see cref="WidgetRun"/>), `inbox` the inbox queries (<see cref="InboxRun"/>).
/// Progress goes to stderr, the report to stdout.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["widget", .. var rest]:
                return await WidgetRun.RunAsync(rest);
            case ["products-search", .. var searchArgs]:
                return await ProductSearchRun.RunAsync(searchArgs);
            case ["reports", .. var reportArgs]:
                return await ReportsRun.RunAsync(reportArgs);
            case ["inbox", .. var inboxArgs]:
                return await InboxRun.RunAsync(inboxArgs);
            case ["sweep", .. var sweepArgs]:
                return await SweepRun.RunAsync(sweepArgs);
            case ["scale", .. var scaleArgs]:
                return await SeriesRun.RunAsync(scaleArgs, SeriesRun.ScaleShapes, "Scale");
            case ["experts", .. var expertArgs]:
                return await SeriesRun.RunAsync(expertArgs, SeriesRun.ExpertShapes, "Team size");
        }

        var options = BenchmarkOptions.Parse(args, out var error);
        if (options is null)
        {
            if (!string.IsNullOrEmpty(error))
            {
                await Console.Error.WriteLineAsync(error);
            }

            await Console.Error.WriteLineAsync(BenchmarkOptions.Usage);
            return string.IsNullOrEmpty(error) ? 0 : 2;
        }

        ApplyThreadPool(options);
        if (!FileDescriptors.Enough(options, out var warning))
        {
            Progress.Say(warning);
        }

        var app = await ChatLoadRun.RunAsync(options);
        var echo = await EchoBaselineRun.RunAsync(options);
        LoadReport.Print(Console.Out, options, app, echo);
        return 0;
    }

    /// <summary>--min-threads: raises the thread pool minimum.</summary>
    public static void ApplyThreadPool(BenchmarkOptions options)
    {
        if (options.MinThreads is { } minThreads)
        {
            ThreadPool.GetMinThreads(out var workers, out var io);
            ThreadPool.SetMinThreads(Math.Max(workers, minThreads), Math.Max(io, minThreads));
        }
    }
}
