using System.Globalization;

namespace VirtualShopping.Domain.Notifications;

/// <summary>
/// When scheduled emails are due, in the merchant's local time (so daylight-saving changes move them with the
/// clock): the daily digest of the previous day at 08:00; the weekly digest and the weekly performance report of the
/// previous Monday–Sunday on Monday from 08:00; the monthly report of the previous month on the 1st from 08:00; the
/// team digest at most once every 48 hours. Missed chats and left messages go out in 5-minute batches. Each period
/// has a key, the ledger's unique <see cref="EmailDispatch.PeriodKey"/>.
/// </summary>
public static class EmailSchedule
{
    public const int SendHour = 8;

    public static readonly TimeSpan BatchLength = TimeSpan.FromMinutes(5);

    /// <summary>A batch is collected this long after it closes, so rows written just before its end are in it.</summary>
    public static readonly TimeSpan BatchGrace = TimeSpan.FromMinutes(1);

    /// <summary>How far back closed batches are looked at (an instance that was down for a while catches up).</summary>
    public static readonly TimeSpan BatchLookback = TimeSpan.FromHours(1);

    public static readonly TimeSpan TeamDigestGap = TimeSpan.FromHours(48);

    /// <summary>The local day whose daily digest is due now (yesterday, from 08:00 today), or null before 08:00.</summary>
    public static DateOnly? DailyDue(DateTimeOffset now, TimeZoneInfo timeZone)
    {
        var local = Local(now, timeZone);
        return local.Hour >= SendHour ? DateOnly.FromDateTime(local).AddDays(-1) : null;
    }

    /// <summary>The Monday of the previous week, on Mondays from 08:00; otherwise null.</summary>
    public static DateOnly? WeeklyDue(DateTimeOffset now, TimeZoneInfo timeZone)
    {
        var local = Local(now, timeZone);
        return local.DayOfWeek == DayOfWeek.Monday && local.Hour >= SendHour ? DateOnly.FromDateTime(local).AddDays(-7) : null;
    }

    /// <summary>The first day of the previous month, on the 1st from 08:00; otherwise null.</summary>
    public static DateOnly? MonthlyDue(DateTimeOffset now, TimeZoneInfo timeZone)
    {
        var local = Local(now, timeZone);
        return local.Day == 1 && local.Hour >= SendHour ? new DateOnly(local.Year, local.Month, 1).AddMonths(-1) : null;
    }

    /// <summary>Whether a team digest may go out now: none sent yet, or the last one at least 48 hours ago.</summary>
    public static bool TeamDigestAllowed(DateTimeOffset? lastSentAt, DateTimeOffset now) =>
        lastSentAt is not { } last || now - last >= TeamDigestGap;

    /// <summary>The starts of the closed 5-minute batches of the last hour (aligned to the clock), oldest first.</summary>
    public static IReadOnlyList<DateTimeOffset> ClosedBatches(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var lastStart = new DateTimeOffset(utc.UtcTicks - (utc.UtcTicks % BatchLength.Ticks), TimeSpan.Zero);
        var starts = new List<DateTimeOffset>();
        for (var start = lastStart - BatchLookback; start <= lastStart; start += BatchLength)
        {
            if (start + BatchLength + BatchGrace <= utc)
            {
                starts.Add(start);
            }
        }

        return starts;
    }

    public static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string MonthKey(DateOnly firstDay) => firstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string BatchKey(DateTimeOffset start) => start.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string key) => DateOnly.ParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseMonth(string key) => DateOnly.ParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseBatch(string key) =>
        DateTimeOffset.ParseExact(key, "yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static DateTime Local(DateTimeOffset now, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        return TimeZoneInfo.ConvertTime(now, timeZone).DateTime;
    }
}
