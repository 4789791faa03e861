using System.Security.Claims;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Authorization;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Web.Features.Reports;

/// <summary>
/// Which stores' figures a person may see: every store for HQ admins and people granted "analytics"; their own stores
/// (assigned, or their teams' stores) for a store manager; none otherwise. Every report query is narrowed by it.
/// </summary>
public sealed record ReportScope(bool AllStores, IReadOnlyCollection<Guid> StoreIds)
{
    public static ReportScope Nothing { get; } = new(false, []);

    public static ReportScope Everything { get; } = new(true, []);

    public bool IsEmpty => !AllStores && StoreIds.Count == 0;

    /// <summary>Whether a figure of this store (null: no store, e.g. an unattributed order) is visible.</summary>
    public bool Sees(Guid? storeId) => AllStores || (storeId is { } id && StoreIds.Contains(id));

    public static async Task<ReportScope> ForAsync(VirtualShoppingDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (user.HasRole(StaffRoles.HqAdmin) || user.HasAccess(DashboardAccess.Analytics))
        {
            return Everything;
        }

        if (user.HasRole(StaffRoles.StoreManager) && user.StaffMemberId() is { } id)
        {
            return new ReportScope(false, await ChatStaffLoader.StoresOfAsync(db, id, cancellationToken));
        }

        return Nothing;
    }
}
