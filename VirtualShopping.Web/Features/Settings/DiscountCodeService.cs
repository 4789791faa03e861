using FluentValidation;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Components.Shared;

namespace VirtualShopping.Web.Features.Settings;

/// <summary>The merchant's discount codes: list, add, edit, archive, and the ones experts may send today.</summary>
public sealed class DiscountCodeService(IDbContextFactory<VirtualShoppingDbContext> contexts, IValidator<DiscountCodeInput> validator, TimeProvider clock)
{
    private const string ConflictMessage = "Someone else changed this code while you were editing. Reload to see their changes, then make yours again.";

    /// <summary>The codes that are not archived, expired ones included (they show as Expired).</summary>
    public async Task<IReadOnlyList<DiscountCodeRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var today = await MerchantTodayAsync(db, cancellationToken);
        var codes = await db.DiscountCodes.AsNoTracking().Where(d => d.ArchivedAt == null).OrderBy(d => d.Code).ToListAsync(cancellationToken);
        return [.. codes.Select(d => DiscountCodeRow.From(d, today))];
    }

    /// <summary>The codes an expert may send today: not archived and not past their last day.</summary>
    public async Task<IReadOnlyList<DiscountCodeRow>> UsableAsync(CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(cancellationToken)).Where(d => d.IsActive)];

    public async Task<SaveResult<DiscountCode>> SaveAsync(Guid? id, DiscountCodeInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return SaveResult<DiscountCode>.Invalid(validation);
        }

        var code = DiscountCode.Normalise(input.Code);
        var taken = await db.DiscountCodes.Where(d => d.Code == code && d.Id != id).Select(d => new { d.ArchivedAt }).FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            return SaveResult<DiscountCode>.ConflictOn(nameof(DiscountCodeInput.Code), taken.ArchivedAt is null
                ? $"{code} is already in your list."
                : $"{code} was used before and is archived; choose another code.");
        }

        var now = clock.GetUtcNow();
        DiscountCode discount;
        if (id is { } existing)
        {
            var found = await db.DiscountCodes.SingleOrDefaultAsync(d => d.Id == existing && d.ArchivedAt == null, cancellationToken);
            if (found is null)
            {
                return SaveResult<DiscountCode>.NotFound();
            }

            discount = found;
            if (input.ConcurrencyStamp is { } stamp)
            {
                db.Entry(discount).Property(d => d.ConcurrencyStamp).OriginalValue = stamp;
            }
        }
        else
        {
            discount = new DiscountCode { Code = code, Description = input.Description, CreatedAt = now };
            db.DiscountCodes.Add(discount);
        }

        input.ApplyTo(discount);
        discount.UpdatedAt = now;
        return id is null
            ? await db.SaveNewAsync(discount, nameof(DiscountCodeInput.Code), $"{code} is already in your list.", cancellationToken)
            : await db.SaveEditAsync(discount, ConflictMessage, cancellationToken);
    }

    /// <summary>Archives a code ("delete"): it stays for the messages that carry it but is no longer offered.</summary>
    public async Task<SaveResult<DiscountCode>> ArchiveAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var discount = await db.DiscountCodes.SingleOrDefaultAsync(d => d.Id == id && d.ArchivedAt == null, cancellationToken);
        if (discount is null)
        {
            return SaveResult<DiscountCode>.NotFound();
        }

        discount.ArchivedAt = clock.GetUtcNow();
        discount.UpdatedAt = discount.ArchivedAt.Value;
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<DiscountCode>.Saved(discount);
    }

    /// <summary>Today's date in the merchant's time zone (account settings; London when none is set).</summary>
    public async Task<DateOnly> MerchantTodayAsync(VirtualShoppingDbContext db, CancellationToken cancellationToken)
    {
        var zoneId = await db.AccountSettings.Select(a => a.TimeZoneId).FirstOrDefaultAsync(cancellationToken) ?? "Europe/London";
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }
}
