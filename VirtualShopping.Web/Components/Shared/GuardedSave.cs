using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Components.Shared;

/// <summary>Saves an edit, turning a lost optimistic-concurrency race into a conflict result people can act on.</summary>
public static class GuardedSave
{
    public static async Task<SaveResult<T>> SaveEditAsync<T>(this DbContext db, T value, string conflictMessage, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult<T>.Saved(value);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult<T>.Conflict(conflictMessage);
        }
    }

    /// <summary>
    /// Saves something new whose field must be unique. A create that loses the race to a parallel one
    /// (both passed the duplicate check before either saved) gets the same conflict as a later duplicate.
    /// </summary>
    public static async Task<SaveResult<T>> SaveNewAsync<T>(this DbContext db, T value, string field, string duplicateMessage, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult<T>.Saved(value);
        }
        catch (DbUpdateException exception) when (UniqueConstraint.IsViolatedBy(exception))
        {
            return SaveResult<T>.ConflictOn(field, duplicateMessage);
        }
    }
}
