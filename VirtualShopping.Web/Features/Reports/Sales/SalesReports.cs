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
        var teams = await TeamsAsync(db, scope, cancellationToken);
        var rows = await RowsAsync(db, scope, filter, teams, cancellationToken);
        var currency = options.Currency;

        var total = Sum(rows, currency);
        var periods = new List<SalesPeriod>();
        var byPeriod = rows.GroupBy(r => ReportRange.PeriodStart(r.Day, filter.Period)).ToDictionary(g => g.Key, g => Sum(g, currency));
        for (var start = ReportRange.PeriodStart(filter.From, filter.Period); start <= filter.To; start = Next(start, filter.Period))
        {
            periods.Add(new SalesPeriod(start, byPeriod.GetValueOrDefault(start) ?? SalesFigures.None));
        }

        var expertNames = options.Experts.ToDictionary(e => e.Id, e => e.Name);
        var missingExperts = rows.Where(r => r.StaffMemberId is { } id && !expertNames.ContainsKey(id)).Select(r => r.StaffMemberId!.Value).Distinct().ToList();
        if (missingExperts.Count > 0)
        {
            foreach (var expert in await db.StaffMembers.AsNoTracking().Where(s => missingExperts.Contains(s.Id)).Select(s => new { s.Id, s.DisplayName }).ToListAsync(cancellationToken))
            {
                expertNames[expert.Id] = expert.DisplayName;
            }
        }

        var storeNames = options.Stores.ToDictionary(s => s.Id, s => s.Name);
        var departmentNames = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var attributed = rows.Where(r => r.StaffMemberId is not null).ToList();
        return new SalesReport(
            filter,
            currency,
            options.AttributionWindowDays,
            total,
            periods,
            Table(attributed, r => r.StaffMemberId, expertNames, currency),
            Table(attributed.Where(r => r.StoreId is not null), r => r.StoreId, storeNames, currency),
            teams.Where(t => filter.TeamId is null || t.Id == filter.TeamId)
                .Select(t => new SalesRow(t.Id, t.Name, Sum(attributed.Where(r => t.Members.Contains(r.StaffMemberId!.Value)), currency)))
                .Where(t => !t.Figures.IsEmpty).OrderByDescending(t => t.Figures.AttributedRevenue).ThenBy(t => t.Name, StringComparer.CurrentCulture).ToList(),
            Table(attributed.Where(r => r.DepartmentId is not null), r => r.DepartmentId, departmentNames, currency));
    }

    /// <summary>The rollup rows of the filter's days in scope, narrowed by store, department, expert and team.</summary>
    private static async Task<List<SalesDailyRollup>> RowsAsync(VirtualShoppingDbContext db, ReportScope scope, ReportFilter filter, IReadOnlyList<ReportTeam> teams, CancellationToken cancellationToken)
    {
        if (scope.IsEmpty || (filter.StoreId is { } asked && !scope.Sees(asked)))
        {
            return [];
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

        return await query.ToListAsync(cancellationToken);
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
                revenue += r.AttributedNetRevenue;
                unattributedRevenue += r.NetRevenue - r.AttributedNetRevenue;
                refunds += r.Refunds;
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

/// <summary>A team in a report's scope and its members (a team filter means these experts).</summary>
internal sealed record ReportTeam(Guid Id, string Name, Guid StoreId, HashSet<Guid> Members);
