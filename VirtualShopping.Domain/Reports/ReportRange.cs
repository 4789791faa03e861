namespace VirtualShopping.Domain.Reports;

/// <summary>
/// A report's days in the merchant's time zone, from <see cref="From"/> to <see cref="To"/> inclusive, and the
/// instants they cover: [<see cref="Start"/>, <see cref="End"/>). Days are local, so a day across a daylight-saving
/// change is 23 or 25 hours long.
/// </summary>
public sealed record ReportRange(DateOnly From, DateOnly To, TimeZoneInfo TimeZone)
{
    /// <summary>The longest range a report covers (about two years).</summary>
    public const int MaxDays = 732;

    public DateTimeOffset Start => StartOf(From, TimeZone);

    public DateTimeOffset End => StartOf(To.AddDays(1), TimeZone);

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The last <paramref name="days"/> local days up to and including today.</summary>
    public static ReportRange Last(int days, DateTimeOffset now, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var today = DayOf(now, timeZone);
        return new ReportRange(today.AddDays(1 - days), today, timeZone);
    }

    /// <summary>Checks a range people asked for: From not after To, at most <see cref="MaxDays"/> days.</summary>
    public static string? Problem(DateOnly from, DateOnly to) =>
        from > to ? "The start date must be on or before the end date."
        : to.DayNumber - from.DayNumber + 1 > MaxDays ? $"Choose at most {MaxDays} days."
        : null;

    /// <summary>The local day an instant falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime);
    }

    /// <summary>The instant a local day starts (the first valid local time when midnight is skipped by a clock change).</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (timeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, timeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The first day of the period a day belongs to: itself, its week's Monday, or its month's first day.</summary>
    public static DateOnly PeriodStart(DateOnly day, ReportPeriod period) => period switch
    {
        ReportPeriod.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        ReportPeriod.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };
}
