using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Home;

/// <summary>Counts the figures on the home page for the current merchant.</summary>
public sealed class HomeFiguresService(IDbContextFactory<VirtualShoppingDbContext> contexts, TimeProvider clock)
{
    public async Task<HomeFigures> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var activeStores = await db.Stores.AsNoTracking().Where(s => s.Status == StoreStatus.Active).ToListAsync(cancellationToken);
        var openStoreIds = activeStores.Where(s => s.IsOpenAt(now)).Select(s => s.Id).ToList();

        var active = db.StaffMembers.AsNoTracking().Where(s => s.Status == StaffStatus.Active);
        var experts = active.Where(s => (s.Roles & StaffRoles.Expert) == StaffRoles.Expert);

        // "Available now": set available, and in a store that is open at this moment.
        var availableNow = await experts
            .Where(s => s.IsAvailable && s.Stores.Any(st => openStoreIds.Contains(st.Id)))
            .CountAsync(cancellationToken);

        var dayAgo = now.AddDays(-1);
        return new HomeFigures(
            ActiveStores: activeStores.Count,
            StoresOpenNow: openStoreIds.Count,
            ActiveStaff: await active.CountAsync(cancellationToken),
            Experts: await experts.CountAsync(cancellationToken),
            ExpertsAvailableNow: availableNow,
            PendingApprovals: await db.StaffMembers.CountAsync(s => s.Status == StaffStatus.PendingApproval, cancellationToken),
            Teams: await db.Teams.CountAsync(t => t.IsActive, cancellationToken),
            Departments: await db.Departments.CountAsync(d => !d.IsArchived, cancellationToken),
            ChatsLastDay: await db.Chats.CountAsync(c => c.StartedAt >= dayAgo, cancellationToken),
            ChatsLiveNow: await db.Chats.CountAsync(c => c.Status == ChatStatus.Waiting || c.Status == ChatStatus.Active, cancellationToken),
            MissedLastDay: await db.Chats.CountAsync(c => c.Status == ChatStatus.Missed && c.StartedAt >= dayAgo, cancellationToken),
            LeftMessagesWaiting: await db.LeftMessages.CountAsync(m => m.AnsweredAt == null, cancellationToken));
    }
}
