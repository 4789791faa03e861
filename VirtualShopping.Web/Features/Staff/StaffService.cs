using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Staff;

/// <summary>Loads and saves the current merchant's staff and teams.</summary>
public sealed class StaffService(IDbContextFactory<VirtualShoppingDbContext> contexts)
{
    public async Task<IReadOnlyList<StaffSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StaffMembers.AsNoTracking()
            .OrderBy(s => s.DisplayName)
            .Select(s => new StaffSummary(s.Id, s.DisplayName, s.Email, s.EmployeeId, s.Roles, s.Status, s.IsAvailable))
            .ToListAsync(cancellationToken);
    }
}
