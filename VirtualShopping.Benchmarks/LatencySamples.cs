namespace VirtualShopping.Benchmarks;

/// <summary>Latencies in milliseconds, added from any thread; percentiles by nearest rank.</summary>
internal sealed class LatencySamples
{
    private readonly Lock gate = new();
    private readonly List<double> samples = [];

    public int Count
    {
        get
        {
            lock (gate)
            {
                return samples.Count;
            }
        }
    }

    public void Add(double milliseconds)
    {
        lock (gate)
        {
            samples.Add(milliseconds);
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            samples.Clear();
        }
    }

    /// <summary>The p-th percentile (0–100), or null when nothing was measured.</summary>
    public double? Percentile(double p)
    {
        double[] sorted;
        lock (gate)
        {
            sorted = [.. samples];
        }

        if (sorted.Length == 0)
        {
            return null;
        }

        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
