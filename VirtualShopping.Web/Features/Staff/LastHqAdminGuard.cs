using System.Data;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Components.Shared;

namespace VirtualShopping.Web.Features.Staff;

/// <summary>
/// Saves a change to one person. When it takes an active HQ admin away (their role or their being active),
/// the database decides whether another one is left, across requests and app instances: the change is
/// written first, then the merchant's active HQ admins are counted in the same transaction, and the change
/// is rolled back (409, as when they were the last one all along) when none is left. The count made before
/// saving cannot see a colleague's change made at the same moment; this one can.
/// </summary>
/// <remarks>
/// SQLite: the write is the transaction's first statement, so it takes the single write lock (waiting out
/// a colleague's transaction under the busy timeout) before anything is read, and the count reads the
/// committed state behind that lock; no read snapshot is held when the lock is taken, so SQLITE_BUSY_SNAPSHOT
/// cannot arise. SQL Server: the transaction is serializable (locking, even with read-committed snapshot
/// on), so two admins demoting each other deadlock on each other's row; the victim's change is rolled back
/// and it gets 503 problem details with Retry-After (DatabaseUnavailableExceptionHandler), so a retry counts
/// the winner's change and answers 409. The unit runs through the execution strategy, so it stays correct if
/// a retrying strategy is ever configured (none is: it would refuse the routing engine's transactions).
/// </remarks>
internal static class LastHqAdminGuard
{
    public static async Task<SaveResult<StaffMember>> SaveKeepingAnHqAdminAsync(this VirtualShoppingDbContext db, StaffMember member, string conflictMessage, CancellationToken cancellationToken)
    {
        var entry = db.Entry(member);
        var before = new StaffRights(entry.Property(s => s.Roles).OriginalValue, entry.Property(s => s.Access).OriginalValue);
        if (!StaffChangePolicy.TakesAwayAnHqAdmin(before, entry.Property(s => s.Status).OriginalValue, StaffRights.Of(member), member.Status))
        {
            return await db.SaveEditAsync(member, conflictMessage, cancellationToken);
        }

        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(
                async ct =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);

                    // Changes are accepted only once committed, so a retried unit writes them again.
                    await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
                    if (StaffChangePolicy.LeavesAnHqAdmin(await StaffService.ActiveHqAdminsAsync(db, ct), member.Status) is { } refusal)
                    {
                        await transaction.RollbackAsync(ct);
                        return SaveResult<StaffMember>.ConflictOn(refusal.Field, refusal.Message);
                    }

                    await transaction.CommitAsync(ct);
                    db.ChangeTracker.AcceptAllChanges();
                    return SaveResult<StaffMember>.Saved(member);
                },
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult<StaffMember>.Conflict(conflictMessage);
        }
    }
}
