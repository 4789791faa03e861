using VirtualShopping.Domain.Reports;

namespace VirtualShopping.Tests.Domain.Reports;

public sealed class TeamReportRulesTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public void Available_time_is_split_at_local_midnight_with_a_23_hour_day_at_the_spring_clock_change()
    {
        var days = AvailableTime.ByDay(
            new DateTimeOffset(2026, 3, 28, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 30, 2, 0, 0, TimeSpan.Zero), London).ToList();

        Assert.Equal(
            [(new DateOnly(2026, 3, 28), 2 * 3600L), (new DateOnly(2026, 3, 29), 23 * 3600L), (new DateOnly(2026, 3, 30), 3 * 3600L)],
            days);
    }

    [Fact]
    public void Available_time_on_the_autumn_clock_change_day_is_25_hours_and_an_empty_period_has_none()
    {
        var day = new DateOnly(2026, 10, 25);
        Assert.Equal([(day, 25 * 3600L)], AvailableTime.ByDay(ReportRange.StartOf(day, London), ReportRange.StartOf(day.AddDays(1), London), London));
        Assert.Empty(AvailableTime.ByDay(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero), London));
    }

    [Theory]
    [InlineData(new[] { 10, 20, 30, 40, 100 }, 50, 30)]
    [InlineData(new[] { 10, 20, 30, 40, 100 }, 90, 100)]
    [InlineData(new[] { 35, 5, 25, 15 }, 50, 15)]
    [InlineData(new[] { 35, 5, 25, 15 }, 90, 35)]
    [InlineData(new[] { 7, 7, 7, 1, 1, 9, 9, 9, 9, 9 }, 50, 7)]
    [InlineData(new[] { 7, 7, 7, 1, 1, 9, 9, 9, 9, 9 }, 90, 9)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 90, 9)]
    [InlineData(new[] { 42 }, 90, 42)]
    public void A_histogram_quantile_is_the_nearest_rank_value_of_the_seconds_it_counts(int[] values, double percent, int expected)
    {
        var histogram = values.GroupBy(v => v).Select(g => (g.Key, (long)g.Count())).ToList();

        Assert.Equal(expected, SecondsHistogram.Quantile(histogram, percent));
        Assert.Equal(Quantiles.Of(values.Order().Select(v => (double)v).ToList(), percent), SecondsHistogram.Quantile(histogram, percent));
    }

    [Fact]
    public void A_histogram_split_over_days_gives_the_same_quantile_and_an_empty_one_none()
    {
        // The same seconds counted on two days sum up.
        Assert.Equal(20, SecondsHistogram.Quantile([(20, 1), (10, 1), (20, 2), (30, 1)], 50));
        Assert.Null(SecondsHistogram.Quantile([], 50));
        Assert.Null(SecondsHistogram.Quantile([(5, 0)], 90));
    }

    [Fact]
    public void Team_times_are_whole_seconds_floored_and_never_negative()
    {
        var at = new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(10, TeamTimes.Between(at, at.AddSeconds(10.7)));
        Assert.Equal(0, TeamTimes.Between(at, at.AddSeconds(-3)));
        Assert.Null(TeamTimes.Between(at, null));
        Assert.Equal(12, TeamTimes.ClaimTime(at, default, at.AddSeconds(12))); // a row without QueuedAt counts from its start
        Assert.Equal(4, TeamTimes.ClaimTime(at, at.AddSeconds(60), at.AddSeconds(64))); // moved: from re-entering the queue
    }
}
