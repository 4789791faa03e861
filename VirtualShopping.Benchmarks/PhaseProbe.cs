using System.Diagnostics;

namespace VirtualShopping.Benchmarks;

/// <summary>Watches a phase: CPU time, the largest thread pool and work queue seen (sampled every 50 ms) and the SQL it ran.</summary>
internal sealed class PhaseProbe : IAsyncDisposable
{
    private readonly SqlCommandCounter sql;
    private readonly SqlTotals sqlAtStart;
    private readonly TimeSpan cpuAtStart;
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampler;
    private int maxThreads;
    private long maxQueued;

    public PhaseProbe(SqlCommandCounter sql)
    {
        this.sql = sql;
        sqlAtStart = sql.Totals;
        cpuAtStart = CpuTime();
        sampler = SampleAsync(stop.Token);
    }

    public TimeSpan Elapsed => wall.Elapsed;

    public async Task<PhaseStats> StopAsync()
    {
        wall.Stop();
        var cpu = CpuTime() - cpuAtStart;
        var sqlNow = sql.Totals;
        await stop.CancelAsync();
        await sampler;
        return new PhaseStats(wall.Elapsed, wall.Elapsed.TotalSeconds > 0 ? cpu.TotalSeconds / wall.Elapsed.TotalSeconds : 0, maxThreads, maxQueued, sqlNow - sqlAtStart);
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync();
            await sampler;
        }

        stop.Dispose();
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            do
            {
                maxThreads = Math.Max(maxThreads, ThreadPool.ThreadCount);
                maxQueued = Math.Max(maxQueued, ThreadPool.PendingWorkItemCount);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // The phase is over.
        }
    }
}
