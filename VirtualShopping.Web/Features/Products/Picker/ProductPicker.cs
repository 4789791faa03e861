using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Components.Shared;

namespace VirtualShopping.Web.Features.Products;

/// <summary>
/// The product picker (web inbox composer and Store App): the merchant's products searched by title, brand, GTIN and
/// feed id, the expert's favourites first; and the expert's favourites themselves (per staff member, never shared).
/// Every query is tenant-scoped by the DbContext's filter.
/// </summary>
public sealed class ProductPicker(IDbContextFactory<VirtualShoppingDbContext> contexts, TimeProvider clock)
{
    public const int MaxTermLength = 100;

    public const int DefaultTake = 20;

    public const int MaxTake = 50;

    public const string TermTooLong = "Search with at most 100 characters.";

    public const string TakeOutOfRange = "Ask for 1 to 50 products.";

    /// <summary>What is wrong with a search, by field (<c>q</c>, <c>take</c>), or null when it can run.</summary>
    public static Dictionary<string, string[]>? Problems(string? term, int take)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (term is not null && term.Trim().Length > MaxTermLength)
        {
            problems["q"] = [TermTooLong];
        }

        if (take is < 1 or > MaxTake)
        {
            problems["take"] = [TakeOutOfRange];
        }

        return problems.Count == 0 ? null : problems;
    }

    /// <summary>
    /// Up to <paramref name="take"/> products matching <paramref name="term"/> (trimmed; case-insensitive contains on
    /// title, brand, GTIN and feed id; an exact feed id or GTIN ranks first), then the expert's favourites, then products
    /// in the feed before those no longer in it, then by title. An empty term browses the catalogue in that order.
    /// A term over <see cref="MaxTermLength"/> characters or a take outside 1–<see cref="MaxTake"/> is refused
    /// (<see cref="ArgumentOutOfRangeException"/>; edges check <see cref="Problems"/> first).
    /// </summary>
    public async Task<IReadOnlyList<PickerProduct>> SearchAsync(Guid staffMemberId, string? term, int take = DefaultTake, CancellationToken cancellationToken = default)
    {
        if (Problems(term, take) is { } problems)
        {
            throw new ArgumentOutOfRangeException(problems.ContainsKey("q") ? nameof(term) : nameof(take), string.Join(" ", problems.Values.SelectMany(v => v)));
        }

        term = term?.Trim();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var favourites = db.ProductFavourites.Where(f => f.StaffMemberId == staffMemberId);
        if (string.IsNullOrEmpty(term))
        {
            return await BrowseAsync(db, staffMemberId, take, cancellationToken);
        }

        var pattern = LikePattern.Containing(term);
        var rows = await db.Products.AsNoTracking()
            .Where(p => EF.Functions.Like(p.Title, pattern, LikePattern.Escape)
                || (p.Brand != null && EF.Functions.Like(p.Brand, pattern, LikePattern.Escape))
                || (p.Gtin != null && EF.Functions.Like(p.Gtin, pattern, LikePattern.Escape))
                || EF.Functions.Like(p.ExternalId, pattern, LikePattern.Escape))
            .Select(p => new { Product = p, Exact = p.ExternalId == term || p.Gtin == term, Favourite = favourites.Any(f => f.ProductId == p.Id) })
            .OrderByDescending(r => r.Exact).ThenByDescending(r => r.Favourite).ThenByDescending(r => r.Product.InFeed)
            .ThenBy(r => r.Product.Title).ThenBy(r => r.Product.ExternalId)
            .Take(take)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => PickerProduct.Of(r.Product, r.Favourite))];
    }

    /// <summary>
    /// Stars (<paramref name="favourite"/> true) or unstars a product for one expert; idempotent. False when the
    /// merchant has no such product.
    /// </summary>
    public async Task<bool> SetFavouriteAsync(Guid staffMemberId, Guid productId, bool favourite, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Products.AnyAsync(p => p.Id == productId, cancellationToken))
        {
            return false;
        }

        var starred = db.ProductFavourites.Where(f => f.StaffMemberId == staffMemberId && f.ProductId == productId);
        if (!favourite)
        {
            await starred.ExecuteDeleteAsync(cancellationToken);
            return true;
        }

        if (await starred.AnyAsync(cancellationToken))
        {
            return true;
        }

        db.ProductFavourites.Add(new ProductFavourite { StaffMemberId = staffMemberId, ProductId = productId, CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueConstraint.IsViolatedBy(e))
        {
            // Starred twice at once (two tabs): the other save already did it.
        }

        return true;
    }

    /// <summary>Which of these products the expert starred (the Products page's stars).</summary>
    public async Task<IReadOnlySet<Guid>> FavouritesAmongAsync(Guid staffMemberId, IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        if (productIds.Count == 0)
        {
            return new HashSet<Guid>();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await db.ProductFavourites.Where(f => f.StaffMemberId == staffMemberId && productIds.Contains(f.ProductId)).Select(f => f.ProductId).ToListAsync(cancellationToken);
        return ids.ToHashSet();
    }

    /// <summary>No term: the expert's favourites (in the feed first, by title), then the rest in the feed by title, then the rest.</summary>
    private static async Task<IReadOnlyList<PickerProduct>> BrowseAsync(VirtualShoppingDbContext db, Guid staffMemberId, int take, CancellationToken cancellationToken)
    {
        var favouriteIds = db.ProductFavourites.Where(f => f.StaffMemberId == staffMemberId).Select(f => f.ProductId);
        var starred = await db.Products.AsNoTracking().Where(p => favouriteIds.Contains(p.Id))
            .OrderByDescending(p => p.InFeed).ThenBy(p => p.Title).ThenBy(p => p.ExternalId).Take(take).ToListAsync(cancellationToken);
        var found = starred.Select(p => PickerProduct.Of(p, true)).ToList();
        foreach (var inFeed in new[] { true, false })
        {
            if (found.Count >= take)
            {
                break;
            }

            // By the (MerchantId, Title) index: reads only as many rows as the page needs.
            var more = await db.Products.AsNoTracking().Where(p => p.InFeed == inFeed && !favouriteIds.Contains(p.Id))
                .OrderBy(p => p.Title).ThenBy(p => p.ExternalId).Take(take - found.Count).ToListAsync(cancellationToken);
            found.AddRange(more.Select(p => PickerProduct.Of(p, false)));
        }

        return found;
    }
}
