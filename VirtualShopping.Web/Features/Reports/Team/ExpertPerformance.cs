namespace VirtualShopping.Web.Features.Reports;

/// <summary>
/// One expert's team-performance figures over a range, as the Team performance page, its CSV and the performance
/// report email show them. Times are whole seconds; medians and p90 use the nearest rank (<c>Quantiles</c>); null
/// where there is nothing to measure. <see cref="RatingCounts"/> holds the number of 1- to 5-star ratings (index 0 is 1 star).
/// </summary>
public sealed record ExpertPerformance(
    Guid StaffMemberId,
    string Name,
    int Offered,
    int Claimed,
    int Missed,
    int Declined,
    TimeSpan? ClaimTimeMedian,
    TimeSpan? ClaimTimeP90,
    TimeSpan? FirstResponseMedian,
    TimeSpan? FirstResponseP90,
    TimeSpan? DurationMedian,
    IReadOnlyList<int> RatingCounts,
    TimeSpan AvailableTime,
    int AttributedOrders,
    decimal AttributedRevenue)
{
    public int Ratings => RatingCounts.Sum();

    public double? RatingAverage => Ratings == 0 ? null : RatingCounts.Select((count, i) => count * (i + 1.0)).Sum() / Ratings;

    /// <summary>The share of this expert's offers that ran out unanswered, 0–1; null without offers.</summary>
    public double? MissedRate => Offered == 0 ? null : (double)Missed / Offered;
}

/// <summary>
/// Team performance per expert over [start, end) within a scope, read from the daily rollups. Implemented by the
/// Team performance report; used by its page, its CSV and the scheduled performance report email.
/// </summary>
public interface ITeamPerformanceSource
{
    /// <summary>Experts with any activity in the range and scope, by name; <paramref name="filter"/> narrows by store, team, department or expert.</summary>
    Task<IReadOnlyList<ExpertPerformance>> ExpertsAsync(ReportScope scope, ReportFilter filter, CancellationToken cancellationToken = default);
}
