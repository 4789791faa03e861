namespace VirtualShopping.Domain.Reports;

/// <summary>Quantiles over a per-second histogram, exactly as <see cref="Quantiles.Of"/> over the values it counts.</summary>
public static class SecondsHistogram
{
    /// <summary>The nearest-rank <paramref name="percent"/>% value of the counted seconds, or null when nothing is counted.</summary>
    public static int? Quantile(IEnumerable<(int Seconds, long Count)> counts, double percent)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var sorted = counts.Where(c => c.Count > 0).GroupBy(c => c.Seconds).Select(g => (Seconds: g.Key, Count: g.Sum(c => c.Count))).OrderBy(c => c.Seconds).ToList();
        var total = sorted.Sum(c => c.Count);
        if (total == 0)
        {
            return null;
        }

        var rank = Math.Clamp((long)Math.Ceiling(percent * total / 100), 1, total);
        long seen = 0;
        foreach (var (seconds, count) in sorted)
        {
            seen += count;
            if (seen >= rank)
            {
                return seconds;
            }
        }

        return sorted[^1].Seconds;
    }
}
