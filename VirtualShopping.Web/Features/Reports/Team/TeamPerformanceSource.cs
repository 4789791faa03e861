using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Reports;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Reports;

/// <summary>
/// Team performance read from the rollups (<see cref="TeamDailyStat"/>, <see cref="TeamSecondsCount"/>) of the current
/// merchant, narrowed by the scope and the filter: a store (in scope), a team (its store and members), a department
/// (available time is not per department, so it stays whole), an expert. Medians and p90 are exact nearest-rank values
/// over the summed per-second histograms.
/// </summary>
public sealed class TeamPerformanceSource(IDbContextFactory<VirtualShoppingDbContext> contexts) : ITeamPerformanceSource
{
    public async Task<IReadOnlyList<ExpertPerformance>> ExpertsAsync(ReportScope scope, ReportFilter filter, CancellationToken cancellationToken = default) =>
        (await ReportAsync(scope, filter, cancellationToken)).Experts;

    /// <summary>The totals, the per-expert figures and the series by the filter's period.</summary>
    public async Task<TeamReport> ReportAsync(ReportScope scope, ReportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await RowsAsync(db, scope, filter, cancellationToken);
        if (rows is null)
        {
            return Empty;
        }

        var (stats, available, seconds) = rows.Value;
        var byExpert = await stats.Where(s => s.StaffMemberId != Guid.Empty).GroupBy(s => s.StaffMemberId)
            .Select(g => new Sums(
                g.Key, g.Sum(s => s.Offered), g.Sum(s => s.Claimed), g.Sum(s => s.MissedOffers), g.Sum(s => s.MissedChats), g.Sum(s => s.Declined),
                g.Sum(s => s.Rating1), g.Sum(s => s.Rating2), g.Sum(s => s.Rating3), g.Sum(s => s.Rating4), g.Sum(s => s.Rating5),
                g.Sum(s => s.AttributedOrders), g.Sum(s => s.AttributedRevenue)))
            .ToListAsync(cancellationToken);
        var availableByExpert = await available.Where(s => s.StaffMemberId != Guid.Empty).GroupBy(s => s.StaffMemberId)
            .Select(g => new { g.Key, Seconds = g.Sum(s => s.AvailableSeconds) }).ToDictionaryAsync(g => g.Key, g => g.Seconds, cancellationToken);
        var histogram = await seconds.GroupBy(s => new { s.StaffMemberId, s.Metric, s.Seconds })
            .Select(g => new Bucket(g.Key.StaffMemberId, g.Key.Metric, g.Key.Seconds, g.Sum(s => s.Count))).ToListAsync(cancellationToken);
        var missedChats = await stats.SumAsync(s => s.MissedChats, cancellationToken);
        var days = await stats.GroupBy(s => s.Day)
            .Select(g => new { Day = g.Key, Offered = g.Sum(s => s.Offered), Claimed = g.Sum(s => s.Claimed), Missed = g.Sum(s => s.MissedChats), Declined = g.Sum(s => s.Declined) })
            .ToListAsync(cancellationToken);

        var ids = byExpert.Select(e => e.StaffMemberId).Concat(availableByExpert.Keys).Distinct().ToList();
        var names = await db.StaffMembers.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
        var sums = byExpert.ToDictionary(e => e.StaffMemberId);
        var histograms = histogram.ToLookup(b => b.StaffMemberId);
        var experts = ids
            .Select(id => Expert(id, names.GetValueOrDefault(id) ?? "(removed)", sums.GetValueOrDefault(id), histograms[id].ToList(), availableByExpert.GetValueOrDefault(id)))
            .Where(e => e.Offered + e.Claimed + e.Declined + e.Missed + e.Ratings + e.AttributedOrders > 0 || e.AvailableTime > TimeSpan.Zero)
            .OrderBy(e => e.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(e => e.StaffMemberId)
            .ToList();
        var totals = new TeamTotals(
            byExpert.Sum(e => e.Offered), byExpert.Sum(e => e.Claimed), byExpert.Sum(e => e.MissedOffers), missedChats, byExpert.Sum(e => e.Declined),
            Quantile(histogram, TeamMetric.ClaimTime, 50), Quantile(histogram, TeamMetric.ClaimTime, 90),
            Quantile(histogram, TeamMetric.FirstResponse, 50), Quantile(histogram, TeamMetric.FirstResponse, 90),
            Quantile(histogram, TeamMetric.Duration, 50), Quantile(histogram, TeamMetric.Duration, 90),
            [byExpert.Sum(e => e.Rating1), byExpert.Sum(e => e.Rating2), byExpert.Sum(e => e.Rating3), byExpert.Sum(e => e.Rating4), byExpert.Sum(e => e.Rating5)],
            TimeSpan.FromSeconds(availableByExpert.Values.Sum()));
        var series = days
            .GroupBy(d => ReportRange.PeriodStart(d.Day, filter.Period))
            .Select(g => new TeamPeriodFigures(g.Key, g.Sum(d => d.Offered), g.Sum(d => d.Claimed), g.Sum(d => d.Missed), g.Sum(d => d.Declined)))
            .OrderBy(p => p.Period)
            .ToList();
        return new TeamReport(totals, experts, series);
    }

    public static TeamReport Empty { get; } = new(
        new TeamTotals(0, 0, 0, 0, 0, null, null, null, null, null, null, [0, 0, 0, 0, 0], TimeSpan.Zero), [], []);

    /// <summary>
    /// The rollup rows the scope and filter allow: figures (narrowed by department too), available time (not), and
    /// the histograms; null when the filter names a store or team out of scope.
    /// </summary>
    private static async Task<(IQueryable<TeamDailyStat> Stats, IQueryable<TeamDailyStat> Available, IQueryable<TeamSecondsCount> Seconds)?> RowsAsync(
        VirtualShoppingDbContext db, ReportScope scope, ReportFilter filter, CancellationToken cancellationToken)
    {
        if (scope.IsEmpty || (filter.StoreId is { } asked && !scope.Sees(asked)))
        {
            return null;
        }

        var all = scope.AllStores;
        var storeIds = scope.StoreIds.ToList();
        IQueryable<TeamDailyStat> stats = db.TeamDailyStats.AsNoTracking().Where(s => s.Day >= filter.From && s.Day <= filter.To && (all || storeIds.Contains(s.StoreId)));
        IQueryable<TeamSecondsCount> seconds = db.TeamSecondsCounts.AsNoTracking().Where(s => s.Day >= filter.From && s.Day <= filter.To && (all || storeIds.Contains(s.StoreId)));
        if (filter.StoreId is { } store)
        {
            stats = stats.Where(s => s.StoreId == store);
            seconds = seconds.Where(s => s.StoreId == store);
        }

        if (filter.TeamId is { } teamId)
        {
            var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId)
                .Select(t => new { t.StoreId, Members = t.Members.Select(m => m.Id).ToList() }).SingleOrDefaultAsync(cancellationToken);
            if (team is null || !scope.Sees(team.StoreId))
            {
                return null;
            }

            var members = team.Members;
            members.Add(Guid.Empty); // the team's store's missed chats
            stats = stats.Where(s => s.StoreId == team.StoreId && members.Contains(s.StaffMemberId));
            seconds = seconds.Where(s => s.StoreId == team.StoreId && members.Contains(s.StaffMemberId));
        }

        if (filter.StaffMemberId is { } expert)
        {
            stats = stats.Where(s => s.StaffMemberId == expert);
            seconds = seconds.Where(s => s.StaffMemberId == expert);
        }

        var available = stats.Where(s => s.AvailableSeconds > 0);
        if (filter.DepartmentId is { } department)
        {
            stats = stats.Where(s => s.DepartmentId == department);
            seconds = seconds.Where(s => s.DepartmentId == department);
        }

        return (stats, available, seconds);
    }

    private static ExpertPerformance Expert(Guid id, string name, Sums? sums, List<Bucket> histogram, long availableSeconds) => new(
        id,
        name,
        sums?.Offered ?? 0,
        sums?.Claimed ?? 0,
        sums?.MissedOffers ?? 0,
        sums?.Declined ?? 0,
        Quantile(histogram, TeamMetric.ClaimTime, 50),
        Quantile(histogram, TeamMetric.ClaimTime, 90),
        Quantile(histogram, TeamMetric.FirstResponse, 50),
        Quantile(histogram, TeamMetric.FirstResponse, 90),
        Quantile(histogram, TeamMetric.Duration, 50),
        sums is null ? [0, 0, 0, 0, 0] : [sums.Rating1, sums.Rating2, sums.Rating3, sums.Rating4, sums.Rating5],
        TimeSpan.FromSeconds(availableSeconds),
        sums?.AttributedOrders ?? 0,
        sums?.AttributedRevenue ?? 0m);

    private static TimeSpan? Quantile(IEnumerable<Bucket> histogram, TeamMetric metric, double percent) =>
        SecondsHistogram.Quantile(histogram.Where(b => b.Metric == metric).Select(b => (b.Seconds, (long)b.Count)), percent) is { } value
            ? TimeSpan.FromSeconds(value)
            : null;

    private sealed record Sums(
        Guid StaffMemberId, int Offered, int Claimed, int MissedOffers, int MissedChats, int Declined,
        int Rating1, int Rating2, int Rating3, int Rating4, int Rating5, int AttributedOrders, decimal AttributedRevenue);

    private sealed record Bucket(Guid StaffMemberId, TeamMetric Metric, int Seconds, int Count);
}
