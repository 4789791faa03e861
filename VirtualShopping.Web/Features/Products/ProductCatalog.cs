using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Components.Shared;

namespace VirtualShopping.Web.Features.Products;

/// <summary>What the Products page asks for: a search term, filters and a page (25 rows by default).</summary>
public sealed record ProductQuery(string? Search = null, ProductAvailability? Availability = null, bool NotInFeed = false, string? Brand = null, string? ProductType = null, int Page = 0, int PageSize = ProductCatalog.PageSize);

/// <summary>A product as the Products page lists it.</summary>
public sealed record ProductRow(
    Guid Id, string ExternalId, string Title, string? Brand, string? ProductType, string? ImageLink, decimal Price, decimal? SalePrice, string Currency,
    ProductAvailability Availability, bool InFeed, string? ItemGroupId, int Variants)
{
    /// <summary>The availability chip's words: "Not in feed" once a complete import no longer had it.</summary>
    public string AvailabilityLabel => ProductCatalog.AvailabilityLabel(Availability, InFeed);

    public string PriceText => ProductCatalog.Money(Price, Currency);

    /// <summary>The sale price, when it is below the price.</summary>
    public string? SalePriceText => SalePrice is { } sale && sale < Price ? ProductCatalog.Money(sale, Currency) : null;
}

/// <summary>One page of products and how many match in all.</summary>
public sealed record ProductPage(IReadOnlyList<ProductRow> Rows, int Total);

/// <summary>A product with every attribute, and the variants of its item group (itself included), for the detail dialog.</summary>
public sealed record ProductDetail(Product Product, IReadOnlyList<Product> Variants);

/// <summary>The merchant's products for the Products page: searched, filtered and paged in the database (the tenant filter scopes every query).</summary>
public sealed class ProductCatalog(IDbContextFactory<VirtualShoppingDbContext> contexts)
{
    public const int PageSize = 25;

    /// <summary>How many imports the history shows.</summary>
    public const int HistorySize = 20;

    /// <summary>Longer search terms are cut to this many characters.</summary>
    public const int MaxSearchLength = 100;

    public static string AvailabilityLabel(ProductAvailability availability, bool inFeed) => !inFeed ? "Not in feed" : availability switch
    {
        ProductAvailability.InStock => "In stock",
        ProductAvailability.OutOfStock => "Out of stock",
        ProductAvailability.Preorder => "Preorder",
        ProductAvailability.Backorder => "Backorder",
        _ => availability.ToString(),
    };

    /// <summary>"159.00 GBP", with the currency's decimals.</summary>
    public static string Money(decimal amount, string currency) =>
        $"{amount.ToString("N" + FeedPrice.DecimalsOf(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)} {currency}";

    /// <summary>A search term as it is used: trimmed, at most <see cref="MaxSearchLength"/> characters; null when empty.</summary>
    public static string? SearchTerm(string? search)
    {
        var term = search?.Trim();
        return string.IsNullOrEmpty(term) ? null : term.Length <= MaxSearchLength ? term : term[..MaxSearchLength];
    }

    /// <summary>
    /// Products whose title, brand or feed id contains the LIKE <paramref name="pattern"/> (see <see cref="LikePattern"/>),
    /// and their GTIN when <paramref name="gtinToo"/>: the one matching rule of the Products page and the picker.
    /// </summary>
    internal static IQueryable<Product> Matching(IQueryable<Product> products, string pattern, bool gtinToo) =>
        products.Where(p => EF.Functions.Like(p.Title, pattern, LikePattern.Escape)
            || (p.Brand != null && EF.Functions.Like(p.Brand, pattern, LikePattern.Escape))
            || (gtinToo && p.Gtin != null && EF.Functions.Like(p.Gtin, pattern, LikePattern.Escape))
            || EF.Functions.Like(p.ExternalId, pattern, LikePattern.Escape));

    public async Task<ProductPage> SearchAsync(ProductQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var products = db.Products.AsNoTracking();
        if (SearchTerm(query.Search) is { } term)
        {
            products = Matching(products, LikePattern.Containing(term), gtinToo: true);
        }

        if (query.NotInFeed)
        {
            products = products.Where(p => !p.InFeed);
        }
        else if (query.Availability is { } availability)
        {
            products = products.Where(p => p.InFeed && p.Availability == availability);
        }

        if (!string.IsNullOrEmpty(query.Brand))
        {
            products = products.Where(p => p.Brand == query.Brand);
        }

        if (!string.IsNullOrEmpty(query.ProductType))
        {
            products = products.Where(p => p.ProductType == query.ProductType);
        }

        var total = await products.CountAsync(cancellationToken);
        var size = Math.Clamp(query.PageSize, 1, 100);
        var all = db.Products;
        var rows = await products
            .OrderBy(p => p.Title).ThenBy(p => p.ExternalId)
            .Skip(Math.Max(query.Page, 0) * size).Take(size)
            .Select(p => new ProductRow(
                p.Id, p.ExternalId, p.Title, p.Brand, p.ProductType, p.ImageLink, p.Price, p.SalePrice, p.Currency, p.Availability, p.InFeed, p.ItemGroupId,
                p.ItemGroupId == null ? 0 : all.Count(v => v.ItemGroupId == p.ItemGroupId)))
            .ToListAsync(cancellationToken);
        return new ProductPage(rows, total);
    }

    /// <summary>The brands and product types in use, for the filters.</summary>
    public async Task<(IReadOnlyList<string> Brands, IReadOnlyList<string> ProductTypes)> FacetsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var brands = await db.Products.Where(p => p.Brand != null).Select(p => p.Brand!).Distinct().OrderBy(b => b).Take(200).ToListAsync(cancellationToken);
        var types = await db.Products.Where(p => p.ProductType != null).Select(p => p.ProductType!).Distinct().OrderBy(t => t).Take(200).ToListAsync(cancellationToken);
        return (brands, types);
    }

    public async Task<ProductDetail?> DetailAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return null;
        }

        var variants = product.ItemGroupId is { } group
            ? await db.Products.AsNoTracking().Where(p => p.ItemGroupId == group).OrderBy(p => p.ExternalId).Take(200).ToListAsync(cancellationToken)
            : [product];
        return new ProductDetail(product, variants);
    }

    /// <summary>The last imports, newest first (the import history).</summary>
    public async Task<IReadOnlyList<ProductImport>> ImportsAsync(int take = HistorySize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ProductImports.AsNoTracking().OrderByDescending(i => i.StartedAt).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>An import's kept rejections, in feed order.</summary>
    public async Task<IReadOnlyList<ProductImportRejection>> RejectionsAsync(Guid importId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ProductImportRejections.AsNoTracking().Where(r => r.ImportId == importId).OrderBy(r => r.Position)
            .Take(ProductImportRejection.MaxPerImport).ToListAsync(cancellationToken);
    }

    /// <summary>Whether the merchant has a feed URL set (the empty state and "Import now" depend on it).</summary>
    public async Task<bool> HasFeedUrlAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AccountSettings.AnyAsync(s => s.ProductFeedUrl != null && s.ProductFeedUrl != "", cancellationToken);
    }
}
