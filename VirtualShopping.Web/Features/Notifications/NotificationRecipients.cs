using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Reports;

namespace VirtualShopping.Web.Features.Notifications;

/// <summary>Loads the people of the current merchant who chose any scheduled email, with their rights.</summary>
public static class NotificationRecipients
{
    public static async Task<IReadOnlyList<NotificationRecipient>> LoadAsync(VirtualShoppingDbContext db, Guid? onlyStaffMemberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var subscriptions = await db.NotificationSubscriptions.AsNoTracking()
            .Where(s => onlyStaffMemberId == null || s.StaffMemberId == onlyStaffMemberId)
            .ToListAsync(cancellationToken);
        var ids = subscriptions.Select(s => s.StaffMemberId).ToList();
        var people = await db.StaffMembers.AsNoTracking()
            .Where(s => ids.Contains(s.Id) && s.Status == StaffStatus.Active)
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var recipients = new List<NotificationRecipient>();
        foreach (var subscription in subscriptions)
        {
            if (!people.TryGetValue(subscription.StaffMemberId, out var person))
            {
                continue;
            }

            var stores = await ChatStaffLoader.StoresOfAsync(db, person.Id, cancellationToken);
            var staff = new ChatStaff(person.Id, person.DisplayName, person.Roles, stores);
            var reports = person.Roles.HasFlag(StaffRoles.HqAdmin) || person.EffectiveAccess.HasFlag(DashboardAccess.Analytics) ? ReportScope.Everything
                : person.Roles.HasFlag(StaffRoles.StoreManager) ? new ReportScope(false, stores)
                : ReportScope.Nothing;
            var storeList = stores.ToList();
            var served = storeList.Count == 0
                ? []
                : await db.Teams.AsNoTracking().Where(t => t.IsActive && storeList.Contains(t.StoreId))
                    .SelectMany(t => t.Departments.Where(d => !d.IsArchived).Select(d => d.Id)).ToListAsync(cancellationToken);
            recipients.Add(new NotificationRecipient(person, subscription, staff, reports, served.ToHashSet()));
        }

        return recipients;
    }
}
