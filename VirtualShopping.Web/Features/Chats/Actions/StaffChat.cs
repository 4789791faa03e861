using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// A chat with the facts <see cref="ChatAccess"/> needs about one staff member: whether it is offered to them now,
/// and whether one of their stores has an active team serving its need.
/// </summary>
public sealed record StaffChat(Chat Chat, bool OfferedToStaff, bool ServedByStaffStores)
{
    /// <summary>The current merchant's chat with those facts, or null when there is no such chat.</summary>
    public static async Task<StaffChat?> FindAsync(VirtualShoppingDbContext db, ChatStaff staff, Guid chatId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(staff);
        var chat = await db.Chats.AsNoTracking().SingleOrDefaultAsync(c => c.Id == chatId, cancellationToken);
        if (chat is null)
        {
            return null;
        }

        var offered = await db.ChatOffers.AnyAsync(o => o.ChatId == chatId && o.StaffMemberId == staff.Id && o.Status == OfferStatus.Pending, cancellationToken);
        var served = await ServedByStoresAsync(db, staff, chat.DepartmentId, cancellationToken);
        return new StaffChat(chat, offered, served);
    }

    /// <summary>Whether an active team of one of the person's stores serves the need.</summary>
    public static async Task<bool> ServedByStoresAsync(VirtualShoppingDbContext db, ChatStaff staff, Guid departmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(staff);
        var stores = staff.StoreIds.ToList();
        return stores.Count > 0
            && await db.Teams.AnyAsync(t => t.IsActive && stores.Contains(t.StoreId) && t.Departments.Any(d => d.Id == departmentId && !d.IsArchived), cancellationToken);
    }

    public bool CanSee(ChatStaff staff) => ChatAccess.CanSee(staff, Chat, OfferedToStaff, ServedByStaffStores);

    public bool CanManage(ChatStaff staff) => ChatAccess.CanManage(staff, Chat, ServedByStaffStores);
}
