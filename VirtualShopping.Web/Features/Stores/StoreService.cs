using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Common;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Components.Shared;

namespace VirtualShopping.Web.Features.Stores;

/// <summary>Loads and saves the current merchant's stores index.</summary>
public sealed class StoreService(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    IValidator<StoreInput> validator,
    TimeProvider clock)
{
    private const string ConflictMessage = "Someone else changed this store while you were editing it. Reload to see their changes, then make yours again.";

    public async Task<PagedResult<StoreSummary>> ListAsync(StoreQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stores = db.Stores.AsNoTracking();
        if (!query.IncludeInactive)
        {
            stores = stores.Where(s => s.Status == StoreStatus.Active);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            stores = stores.Where(s => EF.Functions.Like(s.Name, pattern, LikePattern.Escape)
                || (s.Code != null && EF.Functions.Like(s.Code, pattern, LikePattern.Escape))
                || EF.Functions.Like(s.Address.City, pattern, LikePattern.Escape)
                || EF.Functions.Like(s.Address.CountryCode, pattern, LikePattern.Escape));
        }

        var total = await stores.CountAsync(cancellationToken);
        stores = (query.SortBy, query.Descending) switch
        {
            (StoreSort.City, false) => stores.OrderBy(s => s.Address.City).ThenBy(s => s.Name),
            (StoreSort.City, true) => stores.OrderByDescending(s => s.Address.City).ThenBy(s => s.Name),
            (StoreSort.Code, false) => stores.OrderBy(s => s.Code).ThenBy(s => s.Name),
            (StoreSort.Code, true) => stores.OrderByDescending(s => s.Code).ThenBy(s => s.Name),
            (StoreSort.Status, false) => stores.OrderBy(s => s.Status).ThenBy(s => s.Name),
            (StoreSort.Status, true) => stores.OrderByDescending(s => s.Status).ThenBy(s => s.Name),
            (_, true) => stores.OrderByDescending(s => s.Name),
            _ => stores.OrderBy(s => s.Name),
        };

        var page = await stores
            .Skip(Math.Max(0, query.Page) * query.PageSize)
            .Take(query.PageSize)
            .Select(s => new { Store = s, Teams = s.Teams.Count(t => t.IsActive) })
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        return new PagedResult<StoreSummary>(
            page.Select(row => new StoreSummary(
                row.Store.Id,
                row.Store.Name,
                row.Store.Code,
                row.Store.Address.City,
                row.Store.Address.CountryCode,
                row.Store.TimeZoneId,
                row.Teams,
                row.Store.Status,
                row.Store.IsOpenAt(now))).ToList(),
            total);
    }

    public async Task<Store?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Stores.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    public async Task<SaveResult<Store>> CreateAsync(StoreInput input, CancellationToken cancellationToken = default)
    {
        var validation = await ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult<Store>.Invalid(validation);
        }

        if (await CodeTakenAsync(input, null, cancellationToken) is { } taken)
        {
            return taken;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var store = new Store { Name = input.Name };
        input.ApplyTo(store);
        db.Stores.Add(store);
        return await db.SaveNewAsync(store, nameof(StoreInput.Code), CodeTakenMessage(input.Code), cancellationToken);
    }

    public async Task<SaveResult<Store>> UpdateAsync(Guid id, StoreInput input, CancellationToken cancellationToken = default)
    {
        var validation = await ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult<Store>.Invalid(validation);
        }

        if (await CodeTakenAsync(input, id, cancellationToken) is { } taken)
        {
            return taken;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var store = await db.Stores.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (store is null)
        {
            return SaveResult<Store>.NotFound();
        }

        if (input.ConcurrencyStamp is { } stamp)
        {
            db.Entry(store).Property(s => s.ConcurrencyStamp).OriginalValue = stamp;
        }

        input.ApplyTo(store);
        return await db.SaveEditAsync(store, ConflictMessage, cancellationToken);
    }

    public async Task<SaveResult<Store>> SetStatusAsync(Guid id, StoreStatus status, Guid? concurrencyStamp, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var store = await db.Stores.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (store is null)
        {
            return SaveResult<Store>.NotFound();
        }

        if (concurrencyStamp is { } stamp)
        {
            db.Entry(store).Property(s => s.ConcurrencyStamp).OriginalValue = stamp;
        }

        store.Status = status;
        return await db.SaveEditAsync(store, ConflictMessage, cancellationToken);
    }


    private Task<ValidationResult> ValidateAsync(StoreInput input, CancellationToken cancellationToken)
    {
        input.Name = DisplayName.Clean(input.Name);
        return validator.ValidateAsync(input, cancellationToken);
    }

    /// <summary>A store code is unique per merchant: a second store with it is a conflict (409), however close in time.</summary>
    private async Task<SaveResult<Store>?> CodeTakenAsync(StoreInput input, Guid? existingId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Code))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = input.Code.Trim();
        return await db.Stores.AnyAsync(s => s.Code == code && s.Id != existingId, cancellationToken)
            ? SaveResult<Store>.ConflictOn(nameof(StoreInput.Code), CodeTakenMessage(code))
            : null;
    }

    private static string CodeTakenMessage(string? code) => $"Another store already uses the code {code?.Trim()}.";
}
