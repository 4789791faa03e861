using FluentValidation;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Components.Shared;

namespace VirtualShopping.Web.Features.Settings;

/// <summary>Loads and saves the current merchant's settings pages; each page has its own concurrency stamp.</summary>
public sealed class SettingsService(IDbContextFactory<VirtualShoppingDbContext> contexts, IValidator<StoreAppSettingsInput> storeAppValidator)
{
    private const string ConflictMessage = "Someone else saved these settings while you were editing. Reload to see their changes, then make yours again.";

    public async Task<StoreAppSettingsInput> GetStoreAppAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var saved = await db.StoreAppSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return StoreAppSettingsInput.From(saved ?? new StoreAppSettings(), saved is not null);
    }

    public async Task<SaveResult<StoreAppSettingsInput>> SaveStoreAppAsync(StoreAppSettingsInput input, CancellationToken cancellationToken = default)
    {
        var validation = await storeAppValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult<StoreAppSettingsInput>.Invalid(validation);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.StoreAppSettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            if (input.ConcurrencyStamp is not null)
            {
                return SaveResult<StoreAppSettingsInput>.Conflict(ConflictMessage);
            }

            settings = new StoreAppSettings();
            db.StoreAppSettings.Add(settings);
        }
        else if (input.ConcurrencyStamp != settings.ConcurrencyStamp)
        {
            // Loaded before someone else first saved (no stamp), or from an older save.
            return SaveResult<StoreAppSettingsInput>.Conflict(ConflictMessage);
        }
        else
        {
            // The database decides a race between this check and the save.
            db.Entry(settings).Property(s => s.ConcurrencyStamp).OriginalValue = input.ConcurrencyStamp.Value;
        }

        input.ApplyTo(settings);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Covers both a lost stamp race and two first saves racing on the one-row-per-merchant index.
            return SaveResult<StoreAppSettingsInput>.Conflict(ConflictMessage);
        }

        return SaveResult<StoreAppSettingsInput>.Saved(StoreAppSettingsInput.From(settings, saved: true));
    }
}
