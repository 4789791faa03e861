using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>A staff member as the chat rules see them (roles and stores), for callers that know only their id (the Store App API).</summary>
public static class ChatStaffLoader
{
    /// <summary>The active staff member of the current merchant, or null.</summary>
    public static async Task<ChatStaff?> LoadAsync(VirtualShoppingDbContext db, Guid staffMemberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var staff = await db.StaffMembers.AsNoTracking()
            .Where(s => s.Id == staffMemberId && s.Status == StaffStatus.Active)
            .Select(s => new { s.Id, s.DisplayName, s.Roles, Stores = s.Stores.Select(store => store.Id).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        return staff is null ? null : new ChatStaff(staff.Id, staff.DisplayName, staff.Roles, staff.Stores);
    }
}
