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
        var digits = term.All(char.IsAsciiDigit);
        var columns = digits ? "{Title Brand Gtin ExternalId}" : "{Title Brand ExternalId}";
        var match = columns + " : \"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var merchant = Text(merchantId);
        var favourites = JsonSerializer.Serialize(favouriteIds.Select(Text));
        var exactGtin = digits ? 1 : 0;
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

    /// <summary>A GUID as EF Core stores it in SQLite (upper-case text).</summary>
    private static string Text(Guid id) => id.ToString("D").ToUpperInvariant();
}
