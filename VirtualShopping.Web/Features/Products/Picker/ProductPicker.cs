using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Components.Shared;

namespace VirtualShopping.Web.Features.Products;

/// <summary>
/// The product picker (web inbox composer and Store App): the merchant's products searched by title, brand, GTIN and
/// feed id, the expert's favourites first; and the expert's favourites themselves (per staff member, never shared).
/// Every query is tenant-scoped by the DbContext's filter.
/// </summary>
public sealed class ProductPicker(IDbContextFactory<VirtualShoppingDbContext> contexts, ICurrentMerchant merchant, TimeProvider clock)
{
    public const int MaxTermLength = 100;

    public const int DefaultTake = 20;

    public const int MaxTake = 50;

    /// <summary>A term in at least this many of the merchant's products is common (SQLite reads those in index order).</summary>
    public const int CommonTerm = 1_000;

    /// <summary>How many of an expert's favourites rank first (they go into the search as a list of parameters).</summary>
    public const int MaxRankedFavourites = 500;

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
        var favouriteIds = await db.ProductFavourites.Where(f => f.StaffMemberId == staffMemberId).OrderByDescending(f => f.CreatedAt)
            .Select(f => f.ProductId).Take(MaxRankedFavourites).ToListAsync(cancellationToken);
        if (string.IsNullOrEmpty(term))
        {
            return await BrowseAsync(db, merchant.MerchantId, favouriteIds, take, cancellationToken);
        }

        var favourites = favouriteIds.ToHashSet();
        var pattern = LikePattern.Containing(term);
        var digits = term.All(char.IsAsciiDigit);
        List<Guid> page;
        if (db.Database.IsSqlite() && term.EnumerateRunes().Count() >= ProductSearchIndex.MinTermLength && merchant.MerchantId is { } merchantId)
        {
            // SQLite's trigram index: a term in fewer than CommonTerm products is found and ranked there alone; a more
            // common one reads the first page straight off IX_Products_Search's order (after the exact ids and favourites).
            page = await ProductSearchIndex.CountAsync(db, merchantId, term, CommonTerm, cancellationToken) < CommonTerm
                ? await ProductSearchIndex.SearchAsync(db, merchantId, term, favouriteIds, take, cancellationToken)
                : await CommonTermAsync(db, merchantId, term, pattern, digits, favouriteIds, take, cancellationToken);
        }
        else
        {
            // SQL Server, and terms too short for trigrams: first the page's ids, from the narrow IX_Products_Search index
            // alone (every column matched and ordered by is in it), then those products by primary key.
            page = await Ranked(Matching(db.Products, pattern, digits), term, digits, favouriteIds).Take(take).ToListAsync(cancellationToken);
        }

        var products = await ByIdAsync(db, merchant.MerchantId, page, cancellationToken);
        return [.. page.Where(products.ContainsKey).Select(id => PickerProduct.Of(products[id], favourites.Contains(id)))];
    }

    /// <summary>Products whose title, brand, feed id or (for a term of digits only: a GTIN is digits) GTIN is LIKE the pattern.</summary>
    private static IQueryable<Product> Matching(IQueryable<Product> products, string pattern, bool digits) =>
        ProductCatalog.Matching(products, pattern, gtinToo: digits);

    /// <summary>The picker's order: exact feed id or GTIN, the expert's favourites, in the feed, title, feed id.</summary>
    private static IQueryable<Guid> Ranked(IQueryable<Product> products, string term, bool digits, List<Guid> favouriteIds) =>
        products
            .Select(p => new { p.Id, Exact = p.ExternalId == term || (digits && p.Gtin == term), Favourite = favouriteIds.Contains(p.Id), p.InFeed, p.Title, p.ExternalId })
            .OrderByDescending(r => r.Exact).ThenByDescending(r => r.Favourite).ThenByDescending(r => r.InFeed).ThenBy(r => r.Title).ThenBy(r => r.ExternalId)
            .Select(r => r.Id);

    /// <summary>
    /// A term in many products (SQLite): the exact feed id / GTIN and the favourites that match, ranked among themselves by
    /// primary key, then the rest in IX_Products_Search's order (in the feed first, by title), which stops at the page's end.
    /// </summary>
    private static async Task<List<Guid>> CommonTermAsync(VirtualShoppingDbContext db, Guid merchantId, string term, string pattern, bool digits, List<Guid> favouriteIds, int take, CancellationToken cancellationToken)
    {
        var headIds = await db.Products.Where(p => p.ExternalId == term).Select(p => p.Id).ToListAsync(cancellationToken);
        if (digits)
        {
            headIds.AddRange(await ProductSearchIndex.GtinAsync(db, merchantId, term, cancellationToken));
        }

        headIds = [.. headIds.Concat(favouriteIds).Distinct()];

        // By primary key (the tenant filter would lead SQLite to scan the merchant's products); ByIdAsync checks the merchant.
        var page = await Ranked(Matching(db.Products.IgnoreQueryFilters().Where(p => headIds.Contains(p.Id)), pattern, digits), term, digits, favouriteIds)
            .Take(take).ToListAsync(cancellationToken);
        foreach (var inFeed in new[] { true, false })
        {
            if (page.Count >= take)
            {
                break;
            }

            page.AddRange(await Matching(db.Products.Where(p => p.InFeed == inFeed && !headIds.Contains(p.Id)), pattern, digits)
                .OrderBy(p => p.Title).ThenBy(p => p.ExternalId).Select(p => p.Id).Take(take - page.Count).ToListAsync(cancellationToken));
        }

        return page;
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
    private static async Task<IReadOnlyList<PickerProduct>> BrowseAsync(VirtualShoppingDbContext db, Guid? merchantId, List<Guid> favouriteIds, int take, CancellationToken cancellationToken)
    {
        var found = (await ByIdAsync(db, merchantId, favouriteIds, cancellationToken)).Values
            .OrderByDescending(p => p.InFeed).ThenBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.ExternalId, StringComparer.Ordinal).Take(take)
            .Select(p => PickerProduct.Of(p, true)).ToList();
        foreach (var inFeed in new[] { true, false })
        {
            if (found.Count >= take)
            {
                break;
            }

            // By IX_Products_Search (MerchantId, InFeed, Title, …): reads only as many rows as the page needs.
            var more = await db.Products.AsNoTracking().Where(p => p.InFeed == inFeed && !favouriteIds.Contains(p.Id))
                .OrderBy(p => p.Title).ThenBy(p => p.ExternalId).Take(take - found.Count).ToListAsync(cancellationToken);
            found.AddRange(more.Select(p => PickerProduct.Of(p, false)));
        }

        return found;
    }

    /// <summary>
    /// These products of the merchant, by primary key. The tenant filter's "MerchantId = @m" would lead SQLite (no
    /// statistics) to read every product of the merchant instead of the few by key: the merchant is checked on the rows.
    /// </summary>
    private static async Task<Dictionary<Guid, Product>> ByIdAsync(VirtualShoppingDbContext db, Guid? merchantId, List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0 || merchantId is null)
        {
            return [];
        }

        var products = await db.Products.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        return products.Where(p => p.MerchantId == merchantId).ToDictionary(p => p.Id);
    }
}
