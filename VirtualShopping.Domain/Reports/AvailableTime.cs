namespace VirtualShopping.Domain.Reports;

/// <summary>Splits a period of availability into the local days (merchant time zone) it covers, at local midnight.</summary>
public static class AvailableTime
{
    /// <summary>
    /// The whole seconds of [<paramref name="from"/>, <paramref name="to"/>) on each local day, in day order; days
    /// across a daylight-saving change are 23 or 25 hours long. Nothing when the period is empty.
    /// </summary>
    public static IEnumerable<(DateOnly Day, long Seconds)> ByDay(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var start = from;
        while (start < to)
        {
            var day = ReportRange.DayOf(start, timeZone);
            var next = ReportRange.StartOf(day.AddDays(1), timeZone);
            var end = next < to ? next : to;
            var seconds = (long)Math.Floor((end - start).TotalSeconds);
            if (seconds > 0)
            {
                yield return (day, seconds);
            }

            start = end;
        }
    }
}
