using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Tests.Domain;

public sealed class OpeningScheduleTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    [InlineData("2026-03-23T08:30:00Z", false)] // Monday before the change: 08:30 GMT, not yet open
    [InlineData("2026-03-23T09:00:00Z", true)]  // 09:00 GMT: opening instant is open
    [InlineData("2026-03-30T08:30:00Z", true)]  // Monday after clocks go forward: 09:30 BST
    [InlineData("2026-03-30T07:59:00Z", false)] // 08:59 BST
    [InlineData("2026-03-30T16:00:00Z", false)] // 17:00 BST: closing instant is closed
    [InlineData("2026-10-26T09:00:00Z", true)]  // Monday after clocks go back: 09:00 GMT
    [InlineData("2026-10-26T08:30:00Z", false)] // 08:30 GMT
    [InlineData("2026-10-23T08:30:00Z", true)]  // Friday before: 09:30 BST
    public void Store_in_London_keeps_its_wall_clock_hours_across_daylight_saving_changes(string instant, bool open)
    {
        var store = StoreIn("Europe/London", Weekdays(9, 17));

        Assert.Equal(open, store.IsOpenAt(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-03-29T10:30:00Z", true)]  // Sunday of spring-forward: 11:30 BST, open 11–17
    [InlineData("2026-03-29T09:30:00Z", false)] // 10:30 BST
    [InlineData("2026-10-25T11:30:00Z", true)]  // Sunday of fall-back: 11:30 GMT
    [InlineData("2026-10-25T10:30:00Z", false)] // 10:30 GMT
    public void Sunday_hours_hold_on_the_day_the_clocks_change(string instant, bool open)
    {
        var store = StoreIn("Europe/London", [new WeeklyOpeningHours { Day = DayOfWeek.Sunday, Opens = new TimeOnly(11, 0), Closes = new TimeOnly(17, 0) }]);

        Assert.Equal(open, store.IsOpenAt(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_same_instant_is_open_in_one_time_zone_and_closed_in_another()
    {
        // Monday 9 March 2026, 13:30 UTC: 13:30 in London, 09:30 in New York (EDT since 8 March), 22:30 in Tokyo.
        var instant = new DateTimeOffset(2026, 3, 9, 13, 30, 0, TimeSpan.Zero);

        Assert.True(StoreIn("Europe/London", Weekdays(9, 17)).IsOpenAt(instant));
        Assert.True(StoreIn("America/New_York", Weekdays(9, 17)).IsOpenAt(instant));
        Assert.False(StoreIn("Asia/Tokyo", Weekdays(9, 17)).IsOpenAt(instant));
    }

    [Fact]
    public void New_York_opens_an_hour_earlier_in_utc_once_us_clocks_go_forward()
    {
        var store = StoreIn("America/New_York", Weekdays(9, 17));

        // 13:30 UTC: Friday 6 March (EST) is 08:30 local; Monday 9 March (EDT) is 09:30 local.
        Assert.False(store.IsOpenAt(new DateTimeOffset(2026, 3, 6, 13, 30, 0, TimeSpan.Zero)));
        Assert.True(store.IsOpenAt(new DateTimeOffset(2026, 3, 9, 13, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_closed_special_day_overrides_the_weekly_hours()
    {
        var store = StoreIn("Europe/Paris", Weekdays(9, 19));
        store.SpecialHours.Add(new SpecialOpeningHours { Date = new DateOnly(2026, 12, 25), IsClosed = true, Note = "Christmas Day" });

        Assert.False(store.IsOpenAt(new DateTimeOffset(2026, 12, 25, 11, 0, 0, TimeSpan.FromHours(1))));
        Assert.True(store.IsOpenAt(new DateTimeOffset(2026, 12, 24, 11, 0, 0, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void Special_hours_replace_the_weekly_pattern_for_that_date()
    {
        var store = StoreIn("Europe/London", Weekdays(9, 17));
        store.SpecialHours.Add(new SpecialOpeningHours { Date = new DateOnly(2026, 12, 21), Opens = new TimeOnly(8, 0), Closes = new TimeOnly(22, 0), Note = "Late opening" });

        Assert.True(store.IsOpenAt(new DateTimeOffset(2026, 12, 21, 21, 0, 0, TimeSpan.Zero)));
        Assert.True(store.IsOpenAt(new DateTimeOffset(2026, 12, 21, 8, 15, 0, TimeSpan.Zero)));
        Assert.False(store.IsOpenAt(new DateTimeOffset(2026, 12, 22, 21, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_period_closing_after_midnight_stays_open_into_the_next_day()
    {
        var store = StoreIn("Europe/Helsinki", [new WeeklyOpeningHours { Day = DayOfWeek.Friday, Opens = new TimeOnly(18, 0), Closes = new TimeOnly(2, 0) }]);
        var helsinki = TimeSpan.FromHours(2);

        Assert.True(store.IsOpenAt(new DateTimeOffset(2026, 11, 27, 23, 0, 0, helsinki)));  // Friday 23:00
        Assert.True(store.IsOpenAt(new DateTimeOffset(2026, 11, 28, 1, 30, 0, helsinki)));  // Saturday 01:30
        Assert.False(store.IsOpenAt(new DateTimeOffset(2026, 11, 28, 2, 0, 0, helsinki)));  // Saturday 02:00
        Assert.False(store.IsOpenAt(new DateTimeOffset(2026, 11, 27, 17, 59, 0, helsinki))); // Friday 17:59
    }

    [Fact]
    public void An_inactive_store_is_never_open()
    {
        var store = StoreIn("Europe/London", Weekdays(0, 23));
        store.Status = StoreStatus.Inactive;

        Assert.False(store.IsOpenAt(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Days_without_hours_are_closed()
    {
        var store = StoreIn("Europe/London", Weekdays(9, 17));

        Assert.False(store.IsOpenAt(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero))); // Sunday
    }

    [Fact]
    public void Overlapping_periods_on_one_day_are_refused()
    {
        var result = OpeningSchedule.Validate(
        [
            new WeeklyOpeningHours { Day = DayOfWeek.Monday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(13, 0) },
            new WeeklyOpeningHours { Day = DayOfWeek.Monday, Opens = new TimeOnly(12, 0), Closes = new TimeOnly(18, 0) },
        ]);

        Assert.False(result.IsValid);
        Assert.Contains("overlap", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_that_opens_and_closes_at_the_same_time_is_refused()
    {
        var result = OpeningSchedule.Validate([new WeeklyOpeningHours { Day = DayOfWeek.Tuesday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(9, 0) }]);

        Assert.False(result.IsValid);
        Assert.Contains("must differ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_split_day_with_a_lunch_break_is_valid_and_closed_at_lunch()
    {
        List<WeeklyOpeningHours> hours =
        [
            new() { Day = DayOfWeek.Monday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(12, 0) },
            new() { Day = DayOfWeek.Monday, Opens = new TimeOnly(13, 0), Closes = new TimeOnly(18, 0) },
        ];

        Assert.True(OpeningSchedule.Validate(hours).IsValid);
        Assert.False(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 11, 23, 12, 30, 0, TimeSpan.Zero), London, hours, []));
        Assert.True(OpeningSchedule.IsOpenAt(new DateTimeOffset(2026, 11, 23, 13, 30, 0, TimeSpan.Zero), London, hours, []));
    }

    private static Store StoreIn(string zone, List<WeeklyOpeningHours> hours) => new() { Name = "Test", TimeZoneId = zone, OpeningHours = hours };

    private static List<WeeklyOpeningHours> Weekdays(int opens, int closes) =>
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WeeklyOpeningHours { Day = d, Opens = new TimeOnly(opens, 0), Closes = new TimeOnly(closes, 0) })
            .ToList();
}
