using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Web.Features.Widget;

/// <summary>
/// What the widget shows about availability at page load: which needs an open store serves now (its active
/// team serves the department), and whether an expert could take a chat now — one whom routing would offer a
/// new chat for some need (<see cref="RoutingPolicy.IsEligible"/> over routing's own candidates: available,
/// connected recently, under their chat limit, in an open store's team serving the need).
/// </summary>
public sealed record WidgetAvailability(IReadOnlySet<Guid> OpenDepartments, bool ExpertAvailable)
{
    public static async Task<WidgetAvailability> OfAsync(
        VirtualShoppingDbContext db, ChatRouter router, IReadOnlyCollection<Guid> departmentIds, IReadOnlyCollection<Store> activeStores, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(activeStores);
        var open = activeStores.Where(s => s.IsOpenAt(now)).Select(s => s.Id).ToHashSet();
        if (departmentIds.Count == 0 || open.Count == 0)
        {
            return new WidgetAvailability(new HashSet<Guid>(), false);
        }

        var served = await db.Teams.AsNoTracking().Where(t => t.IsActive && open.Contains(t.StoreId))
            .SelectMany(t => t.Departments.Where(d => !d.IsArchived).Select(d => d.Id)).Distinct().ToListAsync(cancellationToken);
        var openDepartments = departmentIds.Where(served.Contains).ToHashSet();
        if (openDepartments.Count == 0)
        {
            return new WidgetAvailability(openDepartments, false);
        }

        var settings = await ChatRouter.SettingsAsync(db, cancellationToken);
        var candidates = await router.CandidatesByDepartmentAsync(db, openDepartments, null, now, cancellationToken);
        return new WidgetAvailability(openDepartments, candidates.Values.Any(list => list.Any(c => RoutingPolicy.IsEligible(c, settings))));
    }
}
