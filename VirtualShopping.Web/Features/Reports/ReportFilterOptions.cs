using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Reports;

/// <summary>One choice in a report filter list.</summary>
public sealed record ReportChoice(Guid Id, string Name);

/// <summary>
/// What a person can pick in the report filters, within their <see cref="ReportScope"/>: stores, those stores' teams,
/// departments, and experts of those stores; with the merchant's time zone and currency the figures are in.
/// </summary>
public sealed record ReportFilterOptions(
    TimeZoneInfo TimeZone,
    string Currency,
    int AttributionWindowDays,
    IReadOnlyList<ReportChoice> Stores,
    IReadOnlyList<ReportChoice> Teams,
    IReadOnlyList<ReportChoice> Departments,
    IReadOnlyList<ReportChoice> Experts)
{
    public static async Task<ReportFilterOptions> LoadAsync(VirtualShoppingDbContext db, ReportScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var account = await db.AccountSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new AccountSettings();
        var timeZone = TimeZoneInfo.TryFindSystemTimeZoneById(account.TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
        var storeIds = scope.StoreIds.ToList();
        var all = scope.AllStores;
        var stores = await db.Stores.AsNoTracking().Where(s => all || storeIds.Contains(s.Id))
            .OrderBy(s => s.Name).Select(s => new ReportChoice(s.Id, s.Name)).ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().Where(t => all || storeIds.Contains(t.StoreId))
            .OrderBy(t => t.Name).Select(t => new ReportChoice(t.Id, t.Name)).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().Where(d => !d.IsArchived)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new ReportChoice(d.Id, d.Name)).ToListAsync(cancellationToken);
        var experts = await db.StaffMembers.AsNoTracking()
            .Where(s => (s.Roles & StaffRoles.Expert) != 0)
            .Where(s => all || s.Stores.Any(store => storeIds.Contains(store.Id)) || s.Teams.Any(team => storeIds.Contains(team.StoreId)))
            .OrderBy(s => s.DisplayName).Select(s => new ReportChoice(s.Id, s.DisplayName)).ToListAsync(cancellationToken);
        return new ReportFilterOptions(timeZone, account.Currency, account.AttributionWindowDays, stores, teams, departments, experts);
    }
}
