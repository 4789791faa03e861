using VirtualShopping.Domain.Notifications;

namespace VirtualShopping.Tests.Domain.Notifications;

public sealed class EmailScheduleTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void The_daily_digest_of_yesterday_is_due_from_8_local_time()
    {
        // 24 November 2026, EST (UTC-5): 08:00 local is 13:00 UTC.
        Assert.Null(EmailSchedule.DailyDue(new DateTimeOffset(2026, 11, 24, 12, 59, 0, TimeSpan.Zero), NewYork));
        Assert.Equal(new DateOnly(2026, 11, 23), EmailSchedule.DailyDue(new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero), NewYork));
    }

    [Fact]
    public void After_the_clocks_go_forward_8_local_time_is_an_hour_earlier_in_utc()
    {
        // Sunday 14 March 2027 the US moves to EDT (UTC-4): on Monday 08:00 local is 12:00 UTC, not 13:00.
        Assert.Null(EmailSchedule.DailyDue(new DateTimeOffset(2027, 3, 15, 11, 59, 0, TimeSpan.Zero), NewYork));
        Assert.Equal(new DateOnly(2027, 3, 14), EmailSchedule.DailyDue(new DateTimeOffset(2027, 3, 15, 12, 0, 0, TimeSpan.Zero), NewYork));
    }

    [Fact]
    public void The_weekly_digest_of_the_previous_monday_to_sunday_is_due_on_monday_from_8()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), EmailSchedule.WeeklyDue(new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.Zero), NewYork));
        Assert.Null(EmailSchedule.WeeklyDue(new DateTimeOffset(2026, 11, 30, 12, 59, 0, TimeSpan.Zero), NewYork));
        Assert.Null(EmailSchedule.WeeklyDue(new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero), NewYork));
    }

    [Fact]
    public void The_monthly_report_of_the_previous_month_is_due_on_the_first_from_8()
    {
        Assert.Equal(new DateOnly(2026, 11, 1), EmailSchedule.MonthlyDue(new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero), NewYork));
        Assert.Null(EmailSchedule.MonthlyDue(new DateTimeOffset(2026, 12, 2, 13, 0, 0, TimeSpan.Zero), NewYork));
    }

    [Fact]
    public void The_team_digest_waits_48_hours_after_the_last_one()
    {
        var last = new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero);
        Assert.True(EmailSchedule.TeamDigestAllowed(null, last));
        Assert.False(EmailSchedule.TeamDigestAllowed(last, last.AddHours(48).AddSeconds(-1)));
        Assert.True(EmailSchedule.TeamDigestAllowed(last, last.AddHours(48)));
    }

    [Fact]
    public void A_batch_is_collected_a_minute_after_its_five_minutes_close()
    {
        var now = new DateTimeOffset(2026, 11, 23, 11, 5, 59, TimeSpan.Zero);
        Assert.DoesNotContain(new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero), EmailSchedule.ClosedBatches(now));
        var later = EmailSchedule.ClosedBatches(now.AddSeconds(1));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero), later[^1]);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 5, 0, TimeSpan.Zero), later[0]);
        Assert.Equal("2026-11-23T11:00Z", EmailSchedule.BatchKey(later[^1]));
        Assert.Equal(later[^1], EmailSchedule.ParseBatch("2026-11-23T11:00Z"));
    }
}
