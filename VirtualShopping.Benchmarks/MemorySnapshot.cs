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

    /// <summary>Kilobytes per connection opened between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static (double Managed, double WorkingSet) PerConnectionKilobytes(MemorySnapshot before, MemorySnapshot after, int connections) =>
        connections == 0
            ? (0, 0)
            : ((after.ManagedBytes - before.ManagedBytes) / 1024.0 / connections, (after.WorkingSetBytes - before.WorkingSetBytes) / 1024.0 / connections);
}
