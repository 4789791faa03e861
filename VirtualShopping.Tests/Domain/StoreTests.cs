using System.Globalization;
using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Tests.Domain;

/// <summary>
/// <see cref="Store.IsOpenAt"/>: the store's status and its own IANA time zone around <see cref="OpeningSchedule"/>.
/// 2026 clock changes: Europe at 01:00 UTC on Sunday 29 March and Sunday 25 October;
/// the United States at 02:00 local time on Sunday 8 March and Sunday 1 November.
/// Each case also checks the local wall-clock time it relies on, so a wrong premise fails loudly.
/// </summary>
public sealed class StoreTests
{
    [Theory]
    // Monday 23 March, the week before: GMT (UTC+0).
    [InlineData("2026-03-23T08:30:00Z", "2026-03-23 08:30", false)]
    [InlineData("2026-03-23T09:00:00Z", "2026-03-23 09:00", true)]
    [InlineData("2026-03-23T16:30:00Z", "2026-03-23 16:30", true)]
    // Sunday 29 March, the day the clocks go forward: BST (UTC+1) from 01:00 UTC.
    [InlineData("2026-03-29T07:59:00Z", "2026-03-29 08:59", false)]
    [InlineData("2026-03-29T08:00:00Z", "2026-03-29 09:00", true)]
    [InlineData("2026-03-29T08:30:00Z", "2026-03-29 09:30", true)]
    [InlineData("2026-03-29T15:59:00Z", "2026-03-29 16:59", true)]
    [InlineData("2026-03-29T16:00:00Z", "2026-03-29 17:00", false)]
    // Monday 30 March: BST, so the same UTC times as on 23 March give the opposite answers.
    [InlineData("2026-03-30T08:30:00Z", "2026-03-30 09:30", true)]
    [InlineData("2026-03-30T16:30:00Z", "2026-03-30 17:30", false)]
    public void Store_in_London_opens_at_nine_local_time_after_the_clocks_go_forward(string instant, string londonTime, bool open) =>
        AssertOpenness(StoreIn("Europe/London", EveryDay(9, 17)), instant, londonTime, open);

    [Theory]
    // Saturday 24 October: still BST (UTC+1).
    [InlineData("2026-10-24T07:30:00Z", "2026-10-24 08:30", false)]
    [InlineData("2026-10-24T08:30:00Z", "2026-10-24 09:30", true)]
    [InlineData("2026-10-24T16:30:00Z", "2026-10-24 17:30", false)]
    // Sunday 25 October, the day the clocks go back: GMT (UTC+0) from 01:00 UTC.
    [InlineData("2026-10-25T08:30:00Z", "2026-10-25 08:30", false)]
    [InlineData("2026-10-25T09:00:00Z", "2026-10-25 09:00", true)]
    [InlineData("2026-10-25T16:30:00Z", "2026-10-25 16:30", true)]
    [InlineData("2026-10-25T17:00:00Z", "2026-10-25 17:00", false)]
    // Monday 26 October: GMT.
    [InlineData("2026-10-26T08:30:00Z", "2026-10-26 08:30", false)]
    [InlineData("2026-10-26T16:59:00Z", "2026-10-26 16:59", true)]
    public void Store_in_London_opens_at_nine_local_time_after_the_clocks_go_back(string instant, string londonTime, bool open) =>
        AssertOpenness(StoreIn("Europe/London", EveryDay(9, 17)), instant, londonTime, open);

    [Theory]
    // Monday 23 March: EET (UTC+2).
    [InlineData("2026-03-23T06:30:00Z", "2026-03-23 08:30", false)]
    [InlineData("2026-03-23T07:00:00Z", "2026-03-23 09:00", true)]
    // Sunday 29 March: EEST (UTC+3) from 01:00 UTC.
    [InlineData("2026-03-29T05:59:00Z", "2026-03-29 08:59", false)]
    [InlineData("2026-03-29T06:00:00Z", "2026-03-29 09:00", true)]
    [InlineData("2026-03-29T13:59:00Z", "2026-03-29 16:59", true)]
    [InlineData("2026-03-29T14:00:00Z", "2026-03-29 17:00", false)]
    // Monday 30 March: EEST.
    [InlineData("2026-03-30T06:30:00Z", "2026-03-30 09:30", true)]
    // Sunday 25 October: EET again from 01:00 UTC.
    [InlineData("2026-10-25T06:30:00Z", "2026-10-25 08:30", false)]
    [InlineData("2026-10-25T14:30:00Z", "2026-10-25 16:30", true)]
    // Monday 26 October: EET.
    [InlineData("2026-10-26T06:59:00Z", "2026-10-26 08:59", false)]
    [InlineData("2026-10-26T07:00:00Z", "2026-10-26 09:00", true)]
    public void Store_in_Helsinki_keeps_nine_to_five_local_time_across_both_clock_changes(string instant, string helsinkiTime, bool open) =>
        AssertOpenness(StoreIn("Europe/Helsinki", EveryDay(9, 17)), instant, helsinkiTime, open);

    [Theory]
    // Saturday 7 March: EST (UTC-5).
    [InlineData("2026-03-07T13:30:00Z", "2026-03-07 08:30", false)]
    [InlineData("2026-03-07T14:00:00Z", "2026-03-07 09:00", true)]
    // Sunday 8 March: EDT (UTC-4) from 02:00 local.
    [InlineData("2026-03-08T12:59:00Z", "2026-03-08 08:59", false)]
    [InlineData("2026-03-08T13:00:00Z", "2026-03-08 09:00", true)]
    [InlineData("2026-03-08T21:00:00Z", "2026-03-08 17:00", false)]
    // Monday 9 March: EDT.
    [InlineData("2026-03-09T13:30:00Z", "2026-03-09 09:30", true)]
    // Saturday 31 October: still EDT.
    [InlineData("2026-10-31T13:30:00Z", "2026-10-31 09:30", true)]
    // Sunday 1 November: EST again from 02:00 local.
    [InlineData("2026-11-01T13:30:00Z", "2026-11-01 08:30", false)]
    [InlineData("2026-11-01T14:00:00Z", "2026-11-01 09:00", true)]
    [InlineData("2026-11-01T21:59:00Z", "2026-11-01 16:59", true)]
    // Monday 2 November: EST.
    [InlineData("2026-11-02T13:30:00Z", "2026-11-02 08:30", false)]
    public void Store_in_New_York_keeps_nine_to_five_local_time_across_the_us_clock_changes(string instant, string newYorkTime, bool open) =>
        AssertOpenness(StoreIn("America/New_York", EveryDay(9, 17)), instant, newYorkTime, open);

    [Theory]
    // Between 8 and 29 March New York is on EDT and London still on GMT: four hours apart instead of five.
    [InlineData("2026-03-02T13:30:00Z", true, false)] // London 13:30 GMT, New York 08:30 EST
    [InlineData("2026-03-16T13:30:00Z", true, true)]  // London 13:30 GMT, New York 09:30 EDT
    [InlineData("2026-03-16T20:30:00Z", false, true)] // London 20:30 GMT, New York 16:30 EDT
    [InlineData("2026-03-30T13:30:00Z", true, true)]  // London 14:30 BST, New York 09:30 EDT
    // Between 25 October and 1 November London is back on GMT, New York still on EDT.
    [InlineData("2026-10-26T13:30:00Z", true, true)]  // London 13:30 GMT, New York 09:30 EDT
    [InlineData("2026-11-02T13:30:00Z", true, false)] // London 13:30 GMT, New York 08:30 EST
    [InlineData("2026-11-02T21:30:00Z", false, true)] // London 21:30 GMT, New York 16:30 EST
    public void The_same_utc_instant_is_judged_by_each_stores_own_clock(string instant, bool londonOpen, bool newYorkOpen)
    {
        var at = At(instant);

        Assert.Equal(londonOpen, StoreIn("Europe/London", Weekdays(9, 17)).IsOpenAt(at));
        Assert.Equal(newYorkOpen, StoreIn("America/New_York", Weekdays(9, 17)).IsOpenAt(at));
    }

    [Fact]
    public void At_one_instant_a_store_in_Helsinki_is_open_while_London_and_New_York_are_not()
    {
        // Monday 30 March 2026, 06:30 UTC: 09:30 in Helsinki, 07:30 in London, 02:30 in New York.
        var instant = new DateTimeOffset(2026, 3, 30, 6, 30, 0, TimeSpan.Zero);

        Assert.True(StoreIn("Europe/Helsinki", Weekdays(9, 17)).IsOpenAt(instant));
        Assert.False(StoreIn("Europe/London", Weekdays(9, 17)).IsOpenAt(instant));
        Assert.False(StoreIn("America/New_York", Weekdays(9, 17)).IsOpenAt(instant));
    }

    [Theory]
    // Saturday 28 March 22:00 to 02:00: the clocks jump from 01:00 GMT to 02:00 BST, so the night is an hour shorter.
    [InlineData("2026-03-28T23:30:00Z", "2026-03-28 23:30", true)]
    [InlineData("2026-03-29T00:59:00Z", "2026-03-29 00:59", true)]
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29 02:00", false)]
    // Saturday 24 October 22:00 to 02:00: 01:00-02:00 happens twice, so the night is an hour longer.
    [InlineData("2026-10-24T21:00:00Z", "2026-10-24 22:00", true)]
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25 01:30", true)] // first 01:30, BST
    [InlineData("2026-10-25T01:30:00Z", "2026-10-25 01:30", true)] // second 01:30, GMT
    [InlineData("2026-10-25T01:59:00Z", "2026-10-25 01:59", true)]
    [InlineData("2026-10-25T02:00:00Z", "2026-10-25 02:00", false)]
    public void A_late_night_period_follows_the_wall_clock_on_the_nights_the_clocks_change(string instant, string londonTime, bool open)
    {
        var store = StoreIn("Europe/London", [Period(DayOfWeek.Saturday, 22, 2)]);

        AssertOpenness(store, instant, londonTime, open);
    }

    [Theory]
    // Saturday 24 October 22:00 to 01:30: closing inside the repeated hour keeps the store open once, without a gap,
    // until the second 01:30 (GMT); it does not close at the first 01:30 and reopen at the second 01:00.
    [InlineData("2026-10-25T00:29:00Z", true)]  // first 01:29, BST
    [InlineData("2026-10-25T00:45:00Z", true)]  // first 01:45, BST
    [InlineData("2026-10-25T01:00:00Z", true)]  // second 01:00, GMT
    [InlineData("2026-10-25T01:29:00Z", true)]  // second 01:29, GMT
    [InlineData("2026-10-25T01:30:00Z", false)] // second 01:30: closed for good
    [InlineData("2026-10-25T01:50:00Z", false)]
    public void A_period_closing_in_the_repeated_hour_is_open_once_without_a_gap(string instant, bool open)
    {
        var store = StoreIn("Europe/London", [new WeeklyOpeningHours { Day = DayOfWeek.Saturday, Opens = new TimeOnly(22, 0), Closes = new TimeOnly(1, 30) }]);

        Assert.Equal(open, store.IsOpenAt(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void An_inactive_store_is_never_open()
    {
        var store = StoreIn("Europe/London", EveryDay(0, 23));
        var midday = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        Assert.True(store.IsOpenAt(midday));

        store.Status = StoreStatus.Inactive;

        Assert.False(store.IsOpenAt(midday));
    }

    [Fact]
    public void An_inactive_store_stays_closed_on_a_special_late_opening()
    {
        var store = StoreIn("Europe/London", Weekdays(9, 17));
        store.SpecialHours.Add(new SpecialOpeningHours { Date = new DateOnly(2026, 12, 21), Opens = new TimeOnly(8, 0), Closes = new TimeOnly(22, 0) });
        store.Status = StoreStatus.Inactive;

        Assert.False(store.IsOpenAt(new DateTimeOffset(2026, 12, 21, 20, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_new_store_reads_its_hours_in_London_time()
    {
        var store = new Store { Name = "Default", OpeningHours = Weekdays(9, 17) };

        // Monday 6 July 2026, 08:30 UTC is 09:30 BST.
        Assert.Equal("Europe/London", store.TimeZoneId);
        Assert.True(store.IsOpenAt(new DateTimeOffset(2026, 7, 6, 8, 30, 0, TimeSpan.Zero)));
        Assert.False(store.IsOpenAt(new DateTimeOffset(2026, 7, 6, 7, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Special_hours_of_a_store_are_read_on_its_own_local_date()
    {
        var store = StoreIn("America/New_York", Weekdays(9, 17));
        store.SpecialHours.Add(new SpecialOpeningHours { Date = new DateOnly(2026, 11, 25), Opens = new TimeOnly(9, 0), Closes = new TimeOnly(22, 0), Note = "Late opening" });
        store.SpecialHours.Add(new SpecialOpeningHours { Date = new DateOnly(2026, 11, 26), IsClosed = true, Note = "Thanksgiving" });

        // Thursday 26 November 02:30 UTC is still Wednesday 25 November 21:30 EST: the late opening applies.
        Assert.True(store.IsOpenAt(new DateTimeOffset(2026, 11, 26, 2, 30, 0, TimeSpan.Zero)));
        // Thursday 26 November 15:00 UTC is 10:00 EST on Thanksgiving: closed.
        Assert.False(store.IsOpenAt(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero)));
        // Friday 27 November 15:00 UTC is 10:00 EST: the weekly hours again.
        Assert.True(store.IsOpenAt(new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero)));
    }

    private static void AssertOpenness(Store store, string instant, string expectedLocalTime, bool open)
    {
        var at = At(instant);
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(store.TimeZoneId));

        Assert.Equal(expectedLocalTime, local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        Assert.Equal(open, store.IsOpenAt(at));
    }

    private static DateTimeOffset At(string instant) =>
        DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static Store StoreIn(string zone, List<WeeklyOpeningHours> hours) => new() { Name = "Test store", TimeZoneId = zone, OpeningHours = hours };

    private static WeeklyOpeningHours Period(DayOfWeek day, int opens, int closes) =>
        new() { Day = day, Opens = new TimeOnly(opens, 0), Closes = new TimeOnly(closes, 0) };

    private static List<WeeklyOpeningHours> EveryDay(int opens, int closes) =>
        Enum.GetValues<DayOfWeek>().Select(day => Period(day, opens, closes)).ToList();

    private static List<WeeklyOpeningHours> Weekdays(int opens, int closes) =>
        Enum.GetValues<DayOfWeek>().Where(day => day is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Select(day => Period(day, opens, closes)).ToList();
}
