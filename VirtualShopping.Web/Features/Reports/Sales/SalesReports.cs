using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Reports;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Reports;

/// <summary>
/// The sales report's queries. Figures come from <see cref="SalesDailyRollup"/> only (one indexed read of the range's
/// rollup rows, aggregated here into the total, the period series and the tables), narrowed by the person's
/// <see cref="ReportScope"/> and the filter: a store manager sees attributed orders of their stores and chats of their
/// stores, never unattributed orders; a team means the experts in that team.
/// </summary>
public sealed class SalesReports(IDbContextFactory<VirtualShoppingDbContext> contexts)
{
    public async Task<SalesReport> ReportAsync(ReportScope scope, ReportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var options = await ReportFilterOptions.LoadAsync(db, scope, cancellationToken);
        return await ReportAsync(db, scope, filter, options, cancellationToken);
    }

    /// <summary>The report when the page has already loaded the filter's choices.</summary>
    public async Task<SalesReport> ReportAsync(ReportScope scope, ReportFilter filter, ReportFilterOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ReportAsync(db, scope, filter, options, cancellationToken);
    }

    private static async Task<SalesReport> ReportAsync(VirtualShoppingDbContext db, ReportScope scope, ReportFilter filter, ReportFilterOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var teams = await TeamsAsync(db, scope, cancellationToken);
        var currency = options.Currency;
        var rows = Rows(db, scope, filter, teams);

        // One read of the range's rollup rows, summed by the database per store, expert, department, currency and day
        // (month, for a monthly series: a year is ~5,600 sums instead of ~92,000 rows); every table is added up here
        // from that single result.
        var all = rows is null ? [] : await ReadAsync(rows, filter.Period == ReportPeriod.Month, cancellationToken);
        var byExpert = all.Where(r => r.StaffMemberId != null).ToList();
        var byStore = byExpert.Where(r => r.StoreId != null);
        var byDepartment = byExpert.Where(r => r.DepartmentId != null);

        var total = Sum(all, currency);
        var periods = new List<SalesPeriod>();
        var byPeriod = all.GroupBy(r => ReportRange.PeriodStart(r.Day, filter.Period)).ToDictionary(g => g.Key, g => Sum(g, currency));
        for (var start = ReportRange.PeriodStart(filter.From, filter.Period); start <= filter.To; start = Next(start, filter.Period))
        {
            periods.Add(new SalesPeriod(start, byPeriod.GetValueOrDefault(start) ?? SalesFigures.None));
        }

        var expertNames = options.Experts.ToDictionary(e => e.Id, e => e.Name);
        var missingExperts = byExpert.Select(r => r.StaffMemberId!.Value).Where(id => !expertNames.ContainsKey(id)).Distinct().ToList();
        if (missingExperts.Count > 0)
        {
            foreach (var expert in await db.StaffMembers.AsNoTracking().Where(s => missingExperts.Contains(s.Id)).Select(s => new { s.Id, s.DisplayName }).ToListAsync(cancellationToken))
            {
                expertNames[expert.Id] = expert.DisplayName;
            }
        }

        var storeNames = options.Stores.ToDictionary(s => s.Id, s => s.Name);
        var departmentNames = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return new SalesReport(
            filter,
            currency,
            options.AttributionWindowDays,
            total,
            periods,
            Table(byExpert, r => r.StaffMemberId, expertNames, currency),
            Table(byStore, r => r.StoreId, storeNames, currency),
            teams.Where(t => filter.TeamId is null || t.Id == filter.TeamId)
                .Select(t => new SalesRow(t.Id, t.Name, Sum(byExpert.Where(r => t.Members.Contains(r.StaffMemberId!.Value)), currency)))
                .Where(t => !t.Figures.IsEmpty).OrderByDescending(t => t.Figures.AttributedRevenue).ThenBy(t => t.Name, StringComparer.CurrentCulture).ToList(),
            Table(byDepartment, r => r.DepartmentId, departmentNames, currency));
    }

    /// <summary>
    /// The rollup rows' figures summed per store, expert, department, currency and day, or per month when
    /// <paramref name="byMonth"/> (each sum then dated the first of its month), in one query.
    /// </summary>
    private static async Task<List<SalesDailyRollup>> ReadAsync(IQueryable<SalesDailyRollup> rows, bool byMonth, CancellationToken cancellationToken)
    {
        var grouped = byMonth
            ? rows.GroupBy(r => new RollupKey { Year = r.Day.Year, Month = r.Day.Month, StoreId = r.StoreId, StaffMemberId = r.StaffMemberId, DepartmentId = r.DepartmentId, Currency = r.Currency })
            : rows.GroupBy(r => new RollupKey { Day = r.Day, StoreId = r.StoreId, StaffMemberId = r.StaffMemberId, DepartmentId = r.DepartmentId, Currency = r.Currency });
        var sums = await grouped.Select(g => new
        {
            g.Key.Day,
            g.Key.Year,
            g.Key.Month,
            g.Key.StaffMemberId,
            g.Key.StoreId,
            g.Key.DepartmentId,
            g.Key.Currency,
            Orders = g.Sum(r => r.Orders),
            AttributedOrders = g.Sum(r => r.AttributedOrders),
            CancelledOrders = g.Sum(r => r.CancelledOrders),
            NetRevenueTenThousandths = g.Sum(r => r.NetRevenueTenThousandths),
            AttributedNetRevenueTenThousandths = g.Sum(r => r.AttributedNetRevenueTenThousandths),
            RefundsTenThousandths = g.Sum(r => r.RefundsTenThousandths),
            ClaimedChats = g.Sum(r => r.ClaimedChats),
            ConvertedChats = g.Sum(r => r.ConvertedChats),
        }).ToListAsync(cancellationToken);
        return [.. sums.Select(g => new SalesDailyRollup
        {
            Day = byMonth ? new DateOnly(g.Year, g.Month, 1) : g.Day,
            StaffMemberId = g.StaffMemberId,
            StoreId = g.StoreId,
            DepartmentId = g.DepartmentId,
            Currency = g.Currency,
            Orders = g.Orders,
            AttributedOrders = g.AttributedOrders,
            CancelledOrders = g.CancelledOrders,
            NetRevenueTenThousandths = g.NetRevenueTenThousandths,
            AttributedNetRevenueTenThousandths = g.AttributedNetRevenueTenThousandths,
            RefundsTenThousandths = g.RefundsTenThousandths,
            ClaimedChats = g.ClaimedChats,
            ConvertedChats = g.ConvertedChats,
        })];
    }

    /// <summary>The rollup rows of the filter's days in scope, narrowed by store, department, expert and team.</summary>
    private static IQueryable<SalesDailyRollup>? Rows(VirtualShoppingDbContext db, ReportScope scope, ReportFilter filter, IReadOnlyList<ReportTeam> teams)
    {
        if (scope.IsEmpty || (filter.StoreId is { } asked && !scope.Sees(asked)))
        {
            return null;
        }

        var query = db.SalesDailyRollups.AsNoTracking().Where(r => r.Day >= filter.From && r.Day <= filter.To);
        if (!scope.AllStores)
        {
            var stores = scope.StoreIds.ToList();
            query = query.Where(r => r.StoreId != null && stores.Contains(r.StoreId.Value));
        }

        if (filter.StoreId is { } store)
        {
            query = query.Where(r => r.StoreId == store);
        }

        if (filter.DepartmentId is { } department)
        {
            query = query.Where(r => r.DepartmentId == department);
        }

        if (filter.StaffMemberId is { } expert)
        {
            query = query.Where(r => r.StaffMemberId == expert);
        }

        if (filter.TeamId is { } teamId)
        {
            var members = teams.FirstOrDefault(t => t.Id == teamId)?.Members.ToList() ?? [];
            query = query.Where(r => r.StaffMemberId != null && members.Contains(r.StaffMemberId.Value));
        }

        return query;
    }

    /// <summary>The teams of the stores in scope, with their members.</summary>
    internal static async Task<List<ReportTeam>> TeamsAsync(VirtualShoppingDbContext db, ReportScope scope, CancellationToken cancellationToken)
    {
        var stores = scope.StoreIds.ToList();
        var all = scope.AllStores;
        var teams = await db.Teams.AsNoTracking().Where(t => all || stores.Contains(t.StoreId))
            .Select(t => new { t.Id, t.Name, t.StoreId, Members = t.Members.Select(m => m.Id).ToList() }).ToListAsync(cancellationToken);
        return [.. teams.Select(t => new ReportTeam(t.Id, t.Name, t.StoreId, [.. t.Members]))];
    }

    private static List<SalesRow> Table(IEnumerable<SalesDailyRollup> rows, Func<SalesDailyRollup, Guid?> key, IReadOnlyDictionary<Guid, string> names, string currency) =>
        [.. rows.GroupBy(r => key(r)!.Value)
            .Select(g => new SalesRow(g.Key, names.GetValueOrDefault(g.Key) ?? "(removed)", Sum(g, currency)))
            .OrderByDescending(r => r.Figures.AttributedRevenue).ThenBy(r => r.Name, StringComparer.CurrentCulture)];

    /// <summary>Adds rollup rows up: revenue only in <paramref name="currency"/>, chats from the rows that count chats.</summary>
    internal static SalesFigures Sum(IEnumerable<SalesDailyRollup> rows, string currency)
    {
        int attributed = 0, attributedInCurrency = 0, claimed = 0, converted = 0, unattributed = 0, other = 0;
        decimal revenue = 0m, refunds = 0m, unattributedRevenue = 0m;
        foreach (var r in rows)
        {
            claimed += r.ClaimedChats;
            converted += r.ConvertedChats;
            if (r.Orders == 0)
            {
                continue;
            }

            var inCurrency = string.Equals(r.Currency, currency, StringComparison.OrdinalIgnoreCase);
            attributed += r.AttributedOrders;
            unattributed += r.Orders - r.AttributedOrders;
            if (inCurrency)
            {
                attributedInCurrency += r.AttributedOrders;
                revenue += SalesDailyRollup.Unscaled(r.AttributedNetRevenueTenThousandths);
                unattributedRevenue += SalesDailyRollup.Unscaled(r.NetRevenueTenThousandths - r.AttributedNetRevenueTenThousandths);
                refunds += SalesDailyRollup.Unscaled(r.RefundsTenThousandths);
            }
            else
            {
                other += r.Orders;
            }
        }

        return new SalesFigures(attributed, attributedInCurrency, revenue, refunds, claimed, converted, unattributed, unattributedRevenue, other);
    }

    private static DateOnly Next(DateOnly start, ReportPeriod period) => period switch
    {
        ReportPeriod.Week => start.AddDays(7),
        ReportPeriod.Month => start.AddMonths(1),
        _ => start.AddDays(1),
    };
}

/// <summary>What the report's one read sums by: the day (or the year and month), store, expert, department and currency.</summary>
internal sealed class RollupKey
{
    public DateOnly Day { get; init; }

    public int Year { get; init; }

    public int Month { get; init; }

    public Guid? StaffMemberId { get; init; }

    public Guid? StoreId { get; init; }

    public Guid? DepartmentId { get; init; }

    public string Currency { get; init; } = string.Empty;
}

/// <summary>A team in a report's scope and its members (a team filter means these experts).</summary>
internal sealed record ReportTeam(Guid Id, string Name, Guid StoreId, HashSet<Guid> Members);
