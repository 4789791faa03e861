using System.Globalization;
using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Tests.Domain;

/// <summary>
/// <see cref="OpeningSchedule"/>: weekly periods, special dates, periods past midnight and the checks on what a person enters.
/// November and December dates in London are GMT, so "Z" instants read as London wall-clock time.
/// </summary>
public sealed class OpeningScheduleTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly TimeZoneInfo Helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    [Theory]
    [InlineData("2026-11-23T12:00:00Z", true)]  // Monday midday
    [InlineData("2026-11-23T00:00:00Z", false)] // Monday midnight
    [InlineData("2026-11-23T08:59:59Z", false)] // one second before opening
    [InlineData("2026-11-23T09:00:00Z", true)]  // the opening instant is open
    [InlineData("2026-11-23T16:59:59Z", true)]  // one second before closing
    [InlineData("2026-11-23T17:00:00Z", false)] // the closing instant is closed
    [InlineData("2026-11-23T23:00:00Z", false)] // Monday evening
    public void A_store_is_open_from_the_opening_instant_up_to_but_not_including_the_closing_instant(string instant, bool open) =>
        Assert.Equal(open, OpeningSchedule.IsOpenAt(At(instant), London, Weekdays(9, 17), []));

    [Theory]
    [InlineData("2026-11-21T12:00:00Z")] // Saturday
    [InlineData("2026-11-22T12:00:00Z")] // Sunday
    public void Days_without_hours_are_closed(string instant) =>
        Assert.False(OpeningSchedule.IsOpenAt(At(instant), London, Weekdays(9, 17), []));

    [Fact]
    public void A_store_without_any_hours_is_never_open() =>
        Assert.False(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), London, [], []));

    [Theory]
    [InlineData("2026-11-23T11:00:00+02:00", true)]  // 09:00 in London
    [InlineData("2026-11-23T10:59:00+02:00", false)] // 08:59 in London
    [InlineData("2026-11-23T04:00:00-05:00", true)]  // 09:00 in London
    [InlineData("2026-11-23T12:00:00-05:00", false)] // 17:00 in London
    public void Only_the_moment_counts_not_the_offset_it_is_written_in(string instant, bool open) =>
        Assert.Equal(open, OpeningSchedule.IsOpenAt(At(instant), London, Weekdays(9, 17), []));

    [Fact]
    public void A_split_day_with_a_lunch_break_is_closed_at_lunch()
    {
        List<WeeklyOpeningHours> hours = [Period(DayOfWeek.Monday, 9, 12), Period(DayOfWeek.Monday, 13, 18)];

        Assert.True(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 11, 23, 11, 59, 0, TimeSpan.Zero), London, hours, []));
        Assert.False(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), London, hours, []));
        Assert.False(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 11, 23, 12, 30, 0, TimeSpan.Zero), London, hours, []));
        Assert.True(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero), London, hours, []));
        Assert.False(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero), London, hours, []));
    }

    [Fact]
    public void A_closed_holiday_overrides_the_weekly_hours()
    {
        // Friday 25 December 2026 in Paris (CET, UTC+1).
        List<SpecialOpeningHours> special = [new() { Date = new DateOnly(2026, 12, 25), IsClosed = true, Note = "Christmas Day" }];
        var hours = Weekdays(9, 19);
        var plusOne = TimeSpan.FromHours(1);

        Assert.False(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 12, 25, 11, 0, 0, plusOne), Paris, hours, special));
        Assert.True(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 12, 24, 11, 0, 0, plusOne), Paris, hours, special));
        Assert.True(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 12, 28, 11, 0, 0, plusOne), Paris, hours, special));
    }

    [Fact]
    public void A_special_late_opening_replaces_the_weekly_hours_for_that_date_only()
    {
        // Monday 21 December 2026: 08:00 to 22:00 instead of the usual 09:00 to 17:00.
        List<SpecialOpeningHours> special = [new() { Date = new DateOnly(2026, 12, 21), Opens = new TimeOnly(8, 0), Closes = new TimeOnly(22, 0), Note = "Late opening" }];
        var hours = Weekdays(9, 17);

        Assert.True(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 12, 21, 8, 15, 0, TimeSpan.Zero), London, hours, special));
        Assert.True(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 12, 21, 21, 0, 0, TimeSpan.Zero), London, hours, special));
        Assert.False(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 12, 21, 22, 0, 0, TimeSpan.Zero), London, hours, special));
        Assert.False(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 12, 22, 21, 0, 0, TimeSpan.Zero), London, hours, special));
        Assert.False(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 12, 22, 8, 15, 0, TimeSpan.Zero), London, hours, special));
    }

    [Fact]
    public void Special_hours_replace_the_weekly_periods_rather_than_adding_to_them()
    {
        // Monday 21 December 2026: 12:00 to 20:00, so the usual 09:00 opening does not happen.
        List<SpecialOpeningHours> special = [new() { Date = new DateOnly(2026, 12, 21), Opens = new TimeOnly(12, 0), Closes = new TimeOnly(20, 0) }];

        Assert.False(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 12, 21, 10, 0, 0, TimeSpan.Zero), London, Weekdays(9, 17), special));
        Assert.True(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 12, 21, 19, 0, 0, TimeSpan.Zero), London, Weekdays(9, 17), special));
    }

    [Fact]
    public void A_special_opening_on_a_day_without_weekly_hours_opens_the_store()
    {
        // Sunday 20 December 2026.
        List<SpecialOpeningHours> special = [new() { Date = new DateOnly(2026, 12, 20), Opens = new TimeOnly(10, 0), Closes = new TimeOnly(16, 0), Note = "Christmas Sunday" }];

        Assert.True(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 12, 20, 10, 0, 0, TimeSpan.Zero), London, Weekdays(9, 17), special));
        Assert.False(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 12, 20, 16, 0, 0, TimeSpan.Zero), London, Weekdays(9, 17), special));
        Assert.False(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 12, 13, 12, 0, 0, TimeSpan.Zero), London, Weekdays(9, 17), special));
    }

    [Theory]
    [InlineData("2026-11-27T17:59:00+02:00", false)] // Friday 17:59
    [InlineData("2026-11-27T18:00:00+02:00", true)]  // Friday 18:00
    [InlineData("2026-11-27T23:00:00+02:00", true)]  // Friday 23:00
    [InlineData("2026-11-28T00:00:00+02:00", true)]  // Saturday midnight
    [InlineData("2026-11-28T01:00:00+02:00", true)]  // Saturday 01:00, through Friday's period
    [InlineData("2026-11-28T01:59:00+02:00", true)]  // Saturday 01:59
    [InlineData("2026-11-28T02:00:00+02:00", false)] // Saturday 02:00: the closing instant
    [InlineData("2026-11-28T23:00:00+02:00", false)] // Saturday night has no period of its own
    [InlineData("2026-11-27T01:00:00+02:00", false)] // Friday 01:00: Thursday has no late period
    public void A_period_that_closes_after_midnight_stays_open_into_the_next_day(string instant, bool open)
    {
        List<WeeklyOpeningHours> hours = [Period(DayOfWeek.Friday, 18, 2)];

        Assert.Equal(open, OpeningSchedule.IsOpenAt(At(instant), Helsinki, hours, []));
    }

    [Fact]
    public void A_sunday_night_period_runs_into_monday_morning()
    {
        List<WeeklyOpeningHours> hours = [Period(DayOfWeek.Sunday, 20, 3)];

        Assert.True(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero), London, hours, []));
        Assert.False(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero), London, hours, []));
    }

    [Fact]
    public void A_late_period_belongs_to_the_day_it_starts_even_when_the_next_day_is_a_closed_holiday()
    {
        // Thursday 24 December 18:00 to 02:00; Friday 25 December is closed.
        List<WeeklyOpeningHours> hours = [Period(DayOfWeek.Thursday, 18, 2)];
        List<SpecialOpeningHours> special = [new() { Date = new DateOnly(2026, 12, 25), IsClosed = true }];

        Assert.True(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 12, 25, 1, 0, 0, TimeSpan.Zero), London, hours, special));
    }

    [Fact]
    public void A_closed_holiday_cancels_its_late_period_after_midnight_too()
    {
        // Thursday 24 December is closed, so its 18:00 to 02:00 period does not run into Friday.
        List<WeeklyOpeningHours> hours = [Period(DayOfWeek.Thursday, 18, 2)];
        List<SpecialOpeningHours> special = [new() { Date = new DateOnly(2026, 12, 24), IsClosed = true }];

        Assert.False(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 12, 24, 20, 0, 0, TimeSpan.Zero), London, hours, special));
        Assert.False(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 12, 25, 1, 0, 0, TimeSpan.Zero), London, hours, special));
    }

    [Fact]
    public void A_special_late_opening_can_run_past_midnight_into_a_closed_holiday()
    {
        // Thursday 31 December 2026, 20:00 to 02:00; Friday 1 January 2027 closed.
        List<SpecialOpeningHours> special =
        [
            new() { Date = new DateOnly(2026, 12, 31), Opens = new TimeOnly(20, 0), Closes = new TimeOnly(2, 0), Note = "New Year's Eve" },
            new() { Date = new DateOnly(2027, 1, 1), IsClosed = true, Note = "New Year's Day" },
        ];
        var hours = Weekdays(9, 17);

        Assert.False(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.Zero), London, hours, special));
        Assert.True(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero), London, hours, special));
        Assert.True(OpeningSchedule.IsOpenAt(new DateTimeOffset(2027, 1, 1, 1, 0, 0, TimeSpan.Zero), London, hours, special));
        Assert.False(OpeningSchedule.IsOpenAt(new DateTimeOffset(2027, 1, 1, 2, 0, 0, TimeSpan.Zero), London, hours, special));
        Assert.False(OpeningSchedule.IsOpenAt(new DateTimeOffset(2027, 1, 1, 12, 0, 0, TimeSpan.Zero), London, hours, special));
    }

    [Fact]
    public void Periods_on_a_date_come_in_opening_order_and_special_hours_replace_them()
    {
        List<WeeklyOpeningHours> hours = [Period(DayOfWeek.Monday, 13, 18), Period(DayOfWeek.Monday, 9, 12), Period(DayOfWeek.Tuesday, 9, 17)];
        List<SpecialOpeningHours> special =
        [
            new() { Date = new DateOnly(2026, 11, 30), IsClosed = true },
            new() { Date = new DateOnly(2026, 12, 7), Opens = new TimeOnly(10, 0), Closes = new TimeOnly(14, 0) },
        ];

        Assert.Equal(
            [(new TimeOnly(9, 0), new TimeOnly(12, 0)), (new TimeOnly(13, 0), new TimeOnly(18, 0))],
            OpeningSchedule.PeriodsOn(new DateOnly(2026, 11, 23), hours, special).ToList());
        Assert.Empty(OpeningSchedule.PeriodsOn(new DateOnly(2026, 11, 30), hours, special));
        Assert.Equal(
            [(new TimeOnly(10, 0), new TimeOnly(14, 0))],
            OpeningSchedule.PeriodsOn(new DateOnly(2026, 12, 7), hours, special).ToList());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Monday 09:00-17:00")]
    [InlineData("Monday 09:00-12:00; Monday 13:00-18:00")]
    [InlineData("Monday 09:00-12:00; Monday 12:00-17:00")] // touching periods do not overlap
    [InlineData("Monday 13:00-18:00; Monday 09:00-12:00")] // entered out of order
    [InlineData("Monday 09:00-17:00; Tuesday 09:00-17:00")]
    [InlineData("Friday 18:00-02:00")]
    [InlineData("Friday 10:00-14:00; Friday 18:00-02:00")]
    public void A_sensible_weekly_pattern_is_accepted(string pattern)
    {
        var result = OpeningSchedule.Validate(Pattern(pattern));

        Assert.True(result.IsValid, result.Error);
        Assert.Null(result.Error);
    }

    [Theory]
    [InlineData("Monday 09:00-13:00; Monday 12:00-18:00", "Monday")]
    [InlineData("Monday 12:00-18:00; Monday 09:00-13:00", "Monday")]
    [InlineData("Wednesday 09:00-18:00; Wednesday 10:00-11:00", "Wednesday")]
    [InlineData("Thursday 09:00-17:00; Thursday 09:00-17:00", "Thursday")]
    [InlineData("Friday 20:00-02:00; Friday 22:00-23:00", "Friday")]
    [InlineData("Monday 09:00-17:00; Saturday 10:00-16:00; Saturday 15:00-18:00", "Saturday")]
    public void Overlapping_periods_on_one_day_are_refused_naming_the_day(string pattern, string day)
    {
        var result = OpeningSchedule.Validate(Pattern(pattern));

        Assert.False(result.IsValid);
        Assert.Contains("overlap", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(day, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Monday 20:00-03:00; Tuesday 02:00-10:00", "Tuesday")]
    [InlineData("Saturday 22:00-02:00; Sunday 01:00-05:00", "Sunday")]
    [InlineData("Sunday 23:00-01:00; Monday 00:30-09:00", "Monday")] // across the end of the week
    public void A_period_past_midnight_may_not_run_into_the_next_days_first_period(string pattern, string day)
    {
        var result = OpeningSchedule.Validate(Pattern(pattern));

        Assert.False(result.IsValid);
        Assert.Contains("overlap", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(day, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_past_midnight_may_end_exactly_when_the_next_day_opens()
    {
        Assert.True(OpeningSchedule.Validate(Pattern("Monday 20:00-03:00; Tuesday 03:00-10:00")).IsValid);
    }

    [Theory]
    [InlineData("Tuesday 09:00-09:00", "Tuesday")]
    [InlineData("Tuesday 00:00-00:00", "Tuesday")]
    [InlineData("Monday 09:00-17:00; Sunday 09:00-12:00; Sunday 14:00-14:00", "Sunday")]
    public void A_period_that_opens_and_closes_at_the_same_time_is_refused_naming_the_day(string pattern, string day)
    {
        var result = OpeningSchedule.Validate(Pattern(pattern));

        Assert.False(result.IsValid);
        Assert.Contains("differ", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(day, result.Error, StringComparison.Ordinal);
    }

    private static DateTimeOffset At(string instant) =>
        DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static WeeklyOpeningHours Period(DayOfWeek day, int opens, int closes) =>
        new() { Day = day, Opens = new TimeOnly(opens, 0), Closes = new TimeOnly(closes, 0) };

    private static List<WeeklyOpeningHours> Weekdays(int opens, int closes) =>
        Enum.GetValues<DayOfWeek>().Where(day => day is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Select(day => Period(day, opens, closes)).ToList();

    /// <summary>Reads "Monday 09:00-12:00; Monday 13:00-18:00" into weekly periods.</summary>
    private static List<WeeklyOpeningHours> Pattern(string pattern) =>
        pattern.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry =>
            {
                var (day, times) = (entry.Split(' ')[0], entry.Split(' ')[1].Split('-'));
                return new WeeklyOpeningHours
                {
                    Day = Enum.Parse<DayOfWeek>(day),
                    Opens = TimeOnly.Parse(times[0], CultureInfo.InvariantCulture),
                    Closes = TimeOnly.Parse(times[1], CultureInfo.InvariantCulture),
                };
            })
            .ToList();
}
