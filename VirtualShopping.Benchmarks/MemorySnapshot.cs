using System.Diagnostics;

namespace VirtualShopping.Benchmarks;

/// <summary>Live managed memory (after a full collection) and the process working set at one moment.</summary>
internal readonly record struct MemorySnapshot(long ManagedBytes, long WorkingSetBytes)
{
    public static MemorySnapshot Take()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return new MemorySnapshot(managed, process.WorkingSet64);
    }

    /// <summary>
    /// With BENCH_HEAP_PAUSE=N set, says this process's id and waits N seconds (all connections open), so that
    /// `dotnet-gcdump collect -p PID` can take the heap apart by type (how the memory investigation was made).
    /// </summary>
    public static async Task PauseForHeapDumpAsync(string what)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_HEAP_PAUSE"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            Progress.Say(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"BENCH_HEAP_PAUSE: {what} open; process {Environment.ProcessId} waits {seconds} s for dotnet-gcdump …"));
            await Task.Delay(TimeSpan.FromSeconds(seconds));
        }
    }

    /// <summary>Kilobytes per connection opened between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static (double Managed, double WorkingSet) PerConnectionKilobytes(MemorySnapshot before, MemorySnapshot after, int connections) =>
        connections == 0
            ? (0, 0)
            : ((after.ManagedBytes - before.ManagedBytes) / 1024.0 / connections, (after.WorkingSetBytes - before.WorkingSetBytes) / 1024.0 / connections);
}
