using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Settings;

/// <summary>One store's availability right now: open or not, today's hours in local time, experts available.</summary>
public sealed record StoreAvailability(string Store, string TimeZoneId, bool IsOpenNow, string TodaysHours, int ExpertsAvailable, int Experts);

/// <summary>The team availability overview on the Account page.</summary>
public sealed class TeamAvailability(IDbContextFactory<VirtualShoppingDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<StoreAvailability>> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stores = await db.Stores.AsNoTracking().Where(s => s.Status == StoreStatus.Active).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var experts = (await db.StaffMembers.AsNoTracking().Include(s => s.Stores)
            .Where(s => s.Status == StaffStatus.Active && (s.Roles & StaffRoles.Expert) == StaffRoles.Expert)
            .ToListAsync(cancellationToken))
            .SelectMany(s => s.Stores.Select(st => new { StoreId = st.Id, s.IsAvailable }))
            .ToList();
        var now = clock.GetUtcNow();
        return stores.Select(store =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(store.TimeZoneId);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
            var periods = OpeningSchedule.PeriodsOn(today, store.OpeningHours, store.SpecialHours).ToList();
            var hours = periods.Count == 0 ? "Closed today" : string.Join(", ", periods.Select(p => $"{p.Opens:HH\\:mm}–{p.Closes:HH\\:mm}"));
            var open = store.IsOpenAt(now);
            var atStore = experts.Where(e => e.StoreId == store.Id).ToList();
            return new StoreAvailability(store.Name, store.TimeZoneId, open, hours, open ? atStore.Count(e => e.IsAvailable) : 0, atStore.Count);
        }).ToList();
    }
}
