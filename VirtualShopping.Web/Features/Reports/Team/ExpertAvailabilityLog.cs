using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Reports;

/// <summary>
/// Keeps <see cref="ExpertAvailabilityPeriod"/> in step with <see cref="StaffMember.IsAvailable"/>: going available
/// opens a period (unless one is open), going unavailable closes the open one. Called wherever availability changes
/// (ChatRouter.SetAvailabilityAsync: the switch, declines and missed offers in a row, losing access).
/// </summary>
public static class ExpertAvailabilityLog
{
    public static async Task RecordAsync(VirtualShoppingDbContext db, Guid staffMemberId, bool available, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!available)
        {
            await db.ExpertAvailabilityPeriods.Where(p => p.StaffMemberId == staffMemberId && p.To == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.To, now), cancellationToken);
            return;
        }

        if (await db.ExpertAvailabilityPeriods.AnyAsync(p => p.StaffMemberId == staffMemberId && p.To == null, cancellationToken)
            || !await db.StaffMembers.AnyAsync(s => s.Id == staffMemberId, cancellationToken))
        {
            return;
        }

        db.ExpertAvailabilityPeriods.Add(new ExpertAvailabilityPeriod { StaffMemberId = staffMemberId, From = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueConstraint.IsViolatedBy(e))
        {
            // Another instance opened the period at the same moment: one is enough.
        }
    }
}
