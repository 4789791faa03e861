namespace VirtualShopping.Domain.Reports;

/// <summary>Medians and percentiles as reports state them: the nearest-rank method over the sorted values.</summary>
public static class Quantiles
{
    /// <summary>The value at or below which <paramref name="percent"/>% of the values fall (nearest rank), or null when there are none.</summary>
    public static double? Of(IReadOnlyList<double> sortedValues, double percent)
    {
        ArgumentNullException.ThrowIfNull(sortedValues);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (sortedValues.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sortedValues.Count);
        return sortedValues[Math.Clamp(rank, 1, sortedValues.Count) - 1];
    }
}
