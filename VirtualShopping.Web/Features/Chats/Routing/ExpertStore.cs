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
            .Select(t => new { t.StoreId, Serves = t.Departments.Any(d => d.Id == departmentId) })
            .ToListAsync(cancellationToken);
        if (teams.Count == 0)
        {
            return null;
        }

        var storeIds = teams.Select(t => t.StoreId).Distinct().ToList();
        var stores = await db.Stores.AsNoTracking().AsSplitQuery().Where(s => storeIds.Contains(s.Id) && s.Status == StoreStatus.Active).ToListAsync(cancellationToken);
        return stores
            .Select(s => new { s.Id, s.Name, Open = s.IsOpenAt(now), Serves = teams.Any(t => t.StoreId == s.Id && t.Serves) })
            .OrderByDescending(s => s.Serves && s.Open)
            .ThenByDescending(s => s.Serves)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => ((Guid Id, string Name)?)(s.Id, s.Name))
            .FirstOrDefault();
    }
}
