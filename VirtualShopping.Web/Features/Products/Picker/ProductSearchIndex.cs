using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Products;

/// <summary>
/// SQLite's product search index: the FTS5 table <c>ProductSearchFts</c> (trigram tokenizer) that the ProductSearchFts
/// migration creates and its triggers keep in step with Products. It carries each product's merchant and "in the feed", so
/// one query over it finds and ranks a page without reading Products. SQL Server has no such table (the picker uses LIKE).
/// </summary>
internal static class ProductSearchIndex
{
    /// <summary>The trigram tokenizer matches substrings of at least three characters; shorter terms use LIKE.</summary>
    public const int MinTermLength = 3;

    /// <summary>
    /// The ids of up to <paramref name="take"/> of the merchant's products whose title, brand, feed id or (for a term of
    /// digits) GTIN contains <paramref name="term"/>, case-insensitively, in the picker's order: an exact feed id or GTIN
    /// first, then the expert's favourites, then in the feed before not, then title and feed id. Every value is a parameter;
    /// the term goes into the MATCH expression as one FTS5 string (its double quotes doubled), so it is never FTS syntax.
    /// </summary>
    public static async Task<List<Guid>> SearchAsync(VirtualShoppingDbContext db, Guid merchantId, string term, IReadOnlyCollection<Guid> favouriteIds, int take, CancellationToken cancellationToken)
    {
        var match = Match(term);
        var merchant = Text(merchantId);
        var favourites = JsonSerializer.Serialize(favouriteIds.Select(Text));
        var exactGtin = term.All(char.IsAsciiDigit) ? 1 : 0;
        var ids = await db.Database.SqlQuery<string>(
            $"""
            SELECT "ProductId" AS "Value" FROM "ProductSearchFts"
            WHERE "ProductSearchFts" MATCH {match} AND "MerchantId" = {merchant}
            ORDER BY ("ExternalId" = {term} OR ({exactGtin} AND "Gtin" = {term})) DESC,
                "ProductId" IN (SELECT "value" FROM json_each({favourites})) DESC, "InFeed" DESC, "Title", "ExternalId"
            LIMIT {take}
            """).ToListAsync(cancellationToken);
        return [.. ids.Select(id => Guid.Parse(id, CultureInfo.InvariantCulture))];
    }

    /// <summary>How many of the merchant's products match <paramref name="term"/> (as <see cref="SearchAsync"/> does), counting at most <paramref name="cap"/>.</summary>
    public static Task<int> CountAsync(VirtualShoppingDbContext db, Guid merchantId, string term, int cap, CancellationToken cancellationToken)
    {
        var match = Match(term);
        var merchant = Text(merchantId);
        return db.Database.SqlQuery<int>(
            $"""
            SELECT count(*) AS "Value" FROM (SELECT 1 FROM "ProductSearchFts" WHERE "ProductSearchFts" MATCH {match} AND "MerchantId" = {merchant} LIMIT {cap})
            """).SingleAsync(cancellationToken);
    }

    /// <summary>The merchant's products whose GTIN is exactly <paramref name="gtin"/> (found by the index, not by a scan).</summary>
    public static async Task<List<Guid>> GtinAsync(VirtualShoppingDbContext db, Guid merchantId, string gtin, CancellationToken cancellationToken)
    {
        var match = "{Gtin} : " + Quoted(gtin);
        var merchant = Text(merchantId);
        var ids = await db.Database.SqlQuery<string>(
            $"""
            SELECT "ProductId" AS "Value" FROM "ProductSearchFts" WHERE "ProductSearchFts" MATCH {match} AND "MerchantId" = {merchant} AND "Gtin" = {gtin}
            """).ToListAsync(cancellationToken);
        return [.. ids.Select(id => Guid.Parse(id, CultureInfo.InvariantCulture))];
    }

    /// <summary>The MATCH expression for a term: the columns searched (GTIN only for digits) and the term as one FTS5 string.</summary>
    private static string Match(string term) =>
        (term.All(char.IsAsciiDigit) ? "{Title Brand Gtin ExternalId} : " : "{Title Brand ExternalId} : ") + Quoted(term);

    /// <summary>Text as an FTS5 string (double quotes doubled): matched as written, never read as query syntax.</summary>
    private static string Quoted(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A GUID as EF Core stores it in SQLite (upper-case text).</summary>
    private static string Text(Guid id) => id.ToString("D").ToUpperInvariant();
}
