using VirtualShopping.Domain.Reports;

namespace VirtualShopping.Tests.Domain.Reports;

public sealed class ReportRangeTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void A_local_day_starts_at_local_midnight_in_UTC()
    {
        var range = new ReportRange(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 1), London);

        Assert.Equal(new DateTimeOffset(2026, 6, 30, 23, 0, 0, TimeSpan.Zero), range.Start);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 23, 0, 0, TimeSpan.Zero), range.End);
        Assert.Equal(1, range.Days);
    }

    [Fact]
    public void The_days_the_clocks_change_are_23_and_25_hours_long()
    {
        var spring = new ReportRange(new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 29), London);
        var autumn = new ReportRange(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1), NewYork);

        Assert.Equal(TimeSpan.FromHours(23), spring.End - spring.Start);
        Assert.Equal(TimeSpan.FromHours(25), autumn.End - autumn.Start);
    }

    [Fact]
    public void An_instant_belongs_to_the_local_day_it_falls_on()
    {
        var lateEvening = new DateTimeOffset(2026, 11, 30, 3, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 29), ReportRange.DayOf(lateEvening, NewYork));
        Assert.Equal(new DateOnly(2026, 11, 30), ReportRange.DayOf(lateEvening, London));
    }

    [Fact]
    public void The_last_thirty_days_end_today_in_the_merchant_time_zone()
    {
        var range = ReportRange.Last(30, new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero), NewYork);

        Assert.Equal(new DateOnly(2026, 11, 29), range.To);
        Assert.Equal(new DateOnly(2026, 10, 31), range.From);
        Assert.Equal(30, range.Days);
    }

    [Theory]
    [InlineData("2026-11-29", ReportPeriod.Day, "2026-11-29")]
    [InlineData("2026-11-29", ReportPeriod.Week, "2026-11-23")]
    [InlineData("2026-11-23", ReportPeriod.Week, "2026-11-23")]
    [InlineData("2026-11-29", ReportPeriod.Month, "2026-11-01")]
    public void A_day_belongs_to_its_own_week_from_monday_and_its_month(string day, ReportPeriod period, string start) =>
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), ReportRange.PeriodStart(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), period));

    [Fact]
    public void A_range_that_ends_before_it_starts_or_runs_past_two_years_is_refused()
    {
        var day = new DateOnly(2026, 11, 29);

        Assert.NotNull(ReportRange.Problem(day, day.AddDays(-1)));
        Assert.NotNull(ReportRange.Problem(day, day.AddDays(ReportRange.MaxDays)));
        Assert.Null(ReportRange.Problem(day, day.AddDays(ReportRange.MaxDays - 1)));
        Assert.Null(ReportRange.Problem(day, day));
    }
}
