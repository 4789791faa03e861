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
        var local = TimeZoneInfo.ConvertTime(instant, timeZone).DateTime;
        var today = DateOnly.FromDateTime(local);
        var now = TimeOnly.FromDateTime(local);

        foreach (var (opens, closes) in PeriodsOn(today, weekly, specialHours))
        {
            if (closes > opens ? now >= opens && now < closes : now >= opens)
            {
                return true;
            }
        }

        // A period that began yesterday and runs past midnight.
        foreach (var (opens, closes) in PeriodsOn(today.AddDays(-1), weekly, specialHours))
        {
            if (closes <= opens && now < closes)
            {
                return true;
            }
        }

        return false;
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

    /// <summary>Checks a weekly pattern a person entered: no zero-length periods, no overlaps on one day.</summary>
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

        return RuleResult.Ok;
    }
}
