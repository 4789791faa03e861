using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Authorization;

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
            .Select(s => new { s.Id, s.DisplayName, s.Roles })
            .SingleOrDefaultAsync(cancellationToken);
        return staff is null ? null : new ChatStaff(staff.Id, staff.DisplayName, staff.Roles, await StoresOfAsync(db, staff.Id, cancellationToken));
    }

    /// <summary>
    /// A signed-in dashboard user as the chat rules see them: roles and name from their (revalidated) sign-in, stores
    /// from the database. Nobody (no roles) for a user without a staff member id.
    /// </summary>
    public static async Task<ChatStaff> FromUserAsync(VirtualShoppingDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (user.StaffMemberId() is not { } id)
        {
            return new ChatStaff(Guid.Empty, string.Empty, StaffRoles.None, []);
        }

        var roles = Enum.GetValues<StaffRoles>().Where(user.HasRole).Aggregate(StaffRoles.None, (all, role) => all | role);
        return new ChatStaff(id, user.Identity?.Name ?? string.Empty, roles, await StoresOfAsync(db, id, cancellationToken));
    }

    /// <summary>The stores a person belongs to: the ones they are assigned to, and the stores of their teams.</summary>
    public static async Task<IReadOnlyCollection<Guid>> StoresOfAsync(VirtualShoppingDbContext db, Guid staffMemberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var person = db.StaffMembers.AsNoTracking().Where(s => s.Id == staffMemberId);
        var assigned = await person.SelectMany(s => s.Stores.Select(store => store.Id)).ToListAsync(cancellationToken);
        var ofTeams = await person.SelectMany(s => s.Teams.Select(team => team.StoreId)).ToListAsync(cancellationToken);
        return assigned.Concat(ofTeams).Distinct().ToList();
    }
}
