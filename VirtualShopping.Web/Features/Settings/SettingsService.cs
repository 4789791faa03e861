using FluentValidation;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Common;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Secrets;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Components.Shared;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Web.Features.Settings;

/// <summary>Loads and saves the current merchant's settings pages; each page is one row with its own concurrency stamp.</summary>
public sealed class SettingsService(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    IValidator<StoreAppSettingsInput> storeAppValidator,
    IValidator<AccountSettingsInput> accountValidator,
    IValidator<IntegrationSettingsInput> integrationsValidator,
    IValidator<ChatSettingsInput> chatValidator,
    SecretProtector secrets,
    ICurrentMerchant currentMerchant,
    ProductFeedJobs feedJobs)
{
    private const string ConflictMessage = "Someone else saved these settings while you were editing. Reload to see their changes, then make yours again.";

    public Task<StoreAppSettingsInput> GetStoreAppAsync(CancellationToken cancellationToken = default) =>
        GetAsync(db => db.StoreAppSettings, StoreAppSettingsInput.From, cancellationToken);

    public Task<SaveResult<StoreAppSettingsInput>> SaveStoreAppAsync(StoreAppSettingsInput input, CancellationToken cancellationToken = default) =>
        SaveAsync(input, input.ConcurrencyStamp, storeAppValidator, db => db.StoreAppSettings, (i, s) => i.ApplyTo(s), StoreAppSettingsInput.From, cancellationToken);

    public Task<AccountSettingsInput> GetAccountAsync(CancellationToken cancellationToken = default) =>
        GetAsync(db => db.AccountSettings, AccountSettingsInput.From, cancellationToken);

    public async Task<SaveResult<AccountSettingsInput>> SaveAccountAsync(AccountSettingsInput input, CancellationToken cancellationToken = default)
    {
        var result = await SaveAsync(input, input.ConcurrencyStamp, accountValidator, db => db.AccountSettings, (i, s) => i.ApplyTo(s), AccountSettingsInput.From, cancellationToken);
        if (result is { Succeeded: true, Value: { } saved } && currentMerchant.MerchantId is { } merchantId)
        {
            // The merchant's recurring feed import follows its feed URL, schedule and time zone.
            feedJobs.Schedule(merchantId, saved.ProductFeedUrl, saved.ProductFeedSchedule, saved.TimeZoneId);
        }

        return result;
    }

    public Task<IntegrationSettingsInput> GetIntegrationsAsync(CancellationToken cancellationToken = default) =>
        GetAsync(db => db.IntegrationSettings, IntegrationSettingsInput.From, cancellationToken);

    public Task<SaveResult<IntegrationSettingsInput>> SaveIntegrationsAsync(IntegrationSettingsInput input, CancellationToken cancellationToken = default) =>
        SaveAsync(input, input.ConcurrencyStamp, integrationsValidator, db => db.IntegrationSettings, (i, s) => i.ApplyTo(s, secrets), IntegrationSettingsInput.From, cancellationToken);

    public Task<ChatSettingsInput> GetChatAsync(CancellationToken cancellationToken = default) =>
        GetAsync(db => db.ChatSettings, ChatSettingsInput.From, cancellationToken);

    public Task<SaveResult<ChatSettingsInput>> SaveChatAsync(ChatSettingsInput input, CancellationToken cancellationToken = default) =>
        SaveAsync(input, input.ConcurrencyStamp, chatValidator, db => db.ChatSettings, (i, s) => i.ApplyTo(s), ChatSettingsInput.From, cancellationToken);

    private async Task<TInput> GetAsync<TEntity, TInput>(
        Func<VirtualShoppingDbContext, DbSet<TEntity>> set,
        Func<TEntity, bool, TInput> read,
        CancellationToken cancellationToken)
        where TEntity : class, new()
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var saved = await set(db).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return read(saved ?? new TEntity(), saved is not null);
    }

    /// <summary>
    /// Validates, then saves one settings row: created on the first save, and refused as a conflict when
    /// the stamp the form was loaded with is no longer current (or someone else saved it first).
    /// </summary>
    private async Task<SaveResult<TInput>> SaveAsync<TEntity, TInput>(
        TInput input,
        Guid? loadedStamp,
        IValidator<TInput> validator,
        Func<VirtualShoppingDbContext, DbSet<TEntity>> set,
        Action<TInput, TEntity> apply,
        Func<TEntity, bool, TInput> read,
        CancellationToken cancellationToken)
        where TEntity : class, IConcurrencyStamped, new()
        where TInput : class
    {
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult<TInput>.Invalid(validation);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await set(db).SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            if (loadedStamp is not null)
            {
                return SaveResult<TInput>.Conflict(ConflictMessage);
            }

            settings = new TEntity();
            set(db).Add(settings);
        }
        else if (loadedStamp != settings.ConcurrencyStamp)
        {
            return SaveResult<TInput>.Conflict(ConflictMessage);
        }
        else
        {
            // The database decides a race between this check and the save.
            db.Entry(settings).Property(s => s.ConcurrencyStamp).OriginalValue = loadedStamp.Value;
        }

        apply(input, settings);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (!DatabaseUnavailability.Explains(e))
        {
            // A lost stamp race, or two first saves racing on the one-row-per-merchant index.
            return SaveResult<TInput>.Conflict(ConflictMessage);
        }

        return SaveResult<TInput>.Saved(read(settings, true));
    }
}
