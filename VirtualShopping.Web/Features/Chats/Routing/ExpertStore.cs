using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The store a claiming expert answers from, as the shopper sees it ("Anna from Helsinki Kamppi joined"): of
/// the expert's active teams, one serving the chat's need in a store open now, else one serving the need, else
/// any; null for an expert in no team.
/// </summary>
public static class ExpertStore
{
    /// <summary>The store's id (stored on the chat: its managers see it) and name (shown to the shopper).</summary>
    public static async Task<(Guid Id, string Name)?> ForAsync(VirtualShoppingDbContext db, Guid staffMemberId, Guid departmentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var teams = await db.Teams.AsNoTracking()
            .Where(t => t.IsActive && t.Members.Any(m => m.Id == staffMemberId))
            .Select(t => new TeamStore(t.StoreId, t.Departments.Any(d => d.Id == departmentId)))
            .ToListAsync(cancellationToken);
        if (teams.Count == 0)
        {
            return null;
        }

        var storeIds = teams.Select(t => t.StoreId).Distinct().ToList();
        return Choose(teams, await StoreOpenings.LoadAsync(db, s => storeIds.Contains(s.Id), now, cancellationToken));
    }

    /// <summary>The choice itself, from the expert's active teams and the active stores among theirs (with whether each is open).</summary>
    public static (Guid Id, string Name)? Choose(IReadOnlyCollection<TeamStore> teams, IReadOnlyDictionary<Guid, StoreOpening> stores)
    {
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(stores);
        return teams.Select(t => t.StoreId).Distinct()
            .Select(id => stores.GetValueOrDefault(id))
            .OfType<StoreOpening>()
            .Select(s => new { s.Id, s.Name, s.Open, Serves = teams.Any(t => t.StoreId == s.Id && t.Serves) })
            .OrderByDescending(s => s.Serves && s.Open)
            .ThenByDescending(s => s.Serves)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => ((Guid Id, string Name)?)(s.Id, s.Name))
            .FirstOrDefault();
    }
}

/// <summary>One of an expert's active teams: its store, and whether it serves the chat's need.</summary>
public sealed record TeamStore(Guid StoreId, bool Serves);

/// <summary>An active store, and whether it is open now in its own time zone.</summary>
public sealed record StoreOpening(Guid Id, string Name, bool Open);

/// <summary>Which active stores are open now: one query, with only the special hours around today.</summary>
public static class StoreOpenings
{
    public static async Task<Dictionary<Guid, StoreOpening>> LoadAsync(
        VirtualShoppingDbContext db, Expression<Func<Store, bool>> which, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);

        // The schedule looks at yesterday and today in the store's time zone: two days either side of UTC's date cover both.
        var from = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-2);
        var to = from.AddDays(4);
        var stores = await db.Stores.AsNoTracking().Where(which).Where(s => s.Status == StoreStatus.Active)
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.TimeZoneId,
                Weekly = s.OpeningHours.ToList(),
                Special = s.SpecialHours.Where(h => h.Date >= from && h.Date <= to).ToList(),
            })
            .AsSingleQuery()
            .ToListAsync(cancellationToken);
        return stores.ToDictionary(
            s => s.Id,
            s => new StoreOpening(s.Id, s.Name, OpeningSchedule.IsOpenAt(now, TimeZoneInfo.FindSystemTimeZoneById(s.TimeZoneId), s.Weekly, s.Special)));
    }
}
