namespace VirtualShopping.Benchmarks;

/// <summary>
/// Load benchmark of chat routing: the real app on a loopback Kestrel port, experts and shoppers over real
/// WebSockets and REST, then a bare SignalR echo hub with as many pairs as a baseline; or, with `widget` first,
/// the widget's sizes and its cost on a merchant's page in chromium (<see cref="WidgetRun"/>). Progress goes to
/// stderr, the report to stdout.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["widget", .. var rest])
        {
            return await WidgetRun.RunAsync(rest);
        }

        if (args is ["inbox", .. var inboxArgs])
        {
            return await InboxRun.RunAsync(inboxArgs);
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

        if (options.MinThreads is { } minThreads)
        {
            ThreadPool.GetMinThreads(out var workers, out var io);
            ThreadPool.SetMinThreads(Math.Max(workers, minThreads), Math.Max(io, minThreads));
        }

        var app = await ChatLoadRun.RunAsync(options);
        var echo = await EchoBaselineRun.RunAsync(options);
        LoadReport.Print(Console.Out, options, app, echo);
        return 0;
    }
}
