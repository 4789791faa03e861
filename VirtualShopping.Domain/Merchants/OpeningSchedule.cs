using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Merchants;

/// <summary>
/// Decides whether a store is open at an instant, reading its weekly hours and special dates
/// in the store's own time zone, so daylight-saving changes move the instant, never the wall clock.
/// </summary>
public static class OpeningSchedule
{
    public static bool IsOpenAt(
        DateTimeOffset instant,
        TimeZoneInfo timeZone,
        IReadOnlyCollection<WeeklyOpeningHours> weekly,
        IReadOnlyCollection<SpecialOpeningHours> specialHours)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime);

        // Each period becomes a span of real instants, so the night the clocks go back a store is open
        // once, without a gap, and the night they go forward a missing wall-clock time still counts.
        // Periods from yesterday may run past midnight into today.
        foreach (var date in new[] { today.AddDays(-1), today })
        {
            foreach (var (opens, closes) in PeriodsOn(date, weekly, specialHours))
            {
                var start = ToInstant(date.ToDateTime(opens), timeZone, laterIfRepeated: false);
                var end = ToInstant((closes > opens ? date : date.AddDays(1)).ToDateTime(closes), timeZone, laterIfRepeated: true);
                if (instant >= start && instant < end)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The instant a local wall-clock time names. A time repeated when the clocks go back has two; a
    /// time skipped when they go forward has none and is read with the offset from before the change.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo timeZone, bool laterIfRepeated)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (timeZone.IsAmbiguousTime(local))
        {
            var offsets = timeZone.GetAmbiguousTimeOffsets(local);
            var offset = laterIfRepeated ? offsets.Min() : offsets.Max();
            return new DateTimeOffset(local, offset);
        }

        if (timeZone.IsInvalidTime(local))
        {
            return new DateTimeOffset(local, timeZone.GetUtcOffset(local.AddHours(-3)));
        }

        return new DateTimeOffset(local, timeZone.GetUtcOffset(local));
    }

    /// <summary>The opening periods that start on a local date: the special hours if the date has them, else the weekly pattern's.</summary>
    public static IEnumerable<(TimeOnly Opens, TimeOnly Closes)> PeriodsOn(
        DateOnly date,
        IReadOnlyCollection<WeeklyOpeningHours> weekly,
        IReadOnlyCollection<SpecialOpeningHours> specialHours)
    {
        var special = specialHours.FirstOrDefault(e => e.Date == date);
        if (special is not null)
        {
            if (!special.IsClosed && special.Opens is { } opens && special.Closes is { } closes)
            {
                yield return (opens, closes);
            }

            yield break;
        }

        foreach (var period in weekly.Where(p => p.Day == date.DayOfWeek).OrderBy(p => p.Opens))
        {
            yield return (period.Opens, period.Closes);
        }
    }

    /// <summary>Checks a weekly pattern a person entered: no zero-length periods, no overlaps on one day or across midnight.</summary>
    public static RuleResult Validate(IReadOnlyCollection<WeeklyOpeningHours> weekly)
    {
        foreach (var day in weekly.GroupBy(p => p.Day))
        {
            var periods = day.OrderBy(p => p.Opens).ToList();
            if (periods.Any(p => p.Opens == p.Closes))
            {
                return RuleResult.Fail($"{day.Key}: opening and closing times must differ.");
            }

            for (var i = 1; i < periods.Count; i++)
            {
                if (periods[i - 1].EndsNextDay || periods[i].Opens < periods[i - 1].Closes)
                {
                    return RuleResult.Fail($"{day.Key}: opening periods overlap.");
                }
            }
        }

        // A period past midnight must close before the next day's first period opens.
        foreach (var late in weekly.Where(p => p.EndsNextDay))
        {
            var nextDay = (DayOfWeek)(((int)late.Day + 1) % 7);
            if (weekly.Any(p => p.Day == nextDay && p.Opens < late.Closes))
            {
                return RuleResult.Fail($"{nextDay}: opening periods overlap with {late.Day}'s period that runs past midnight.");
            }
        }

        return RuleResult.Ok;
    }
}
