using Microsoft.EntityFrameworkCore;

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
}
