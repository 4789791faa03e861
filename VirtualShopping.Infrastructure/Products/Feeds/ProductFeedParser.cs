using System.Runtime.CompilerServices;
using VirtualShopping.Domain.Products;

namespace VirtualShopping.Infrastructure.Products.Feeds;

/// <summary>
/// Reads a feed (<see cref="ProductFeedReader"/>) and applies <see cref="ProductFeedRules"/> to each row, streaming: items
/// and rejections come out one at a time. A later row with an id already seen wins (the importer upserts by id), and the
/// earlier row's position is reported as a duplicate. Only the ids seen are kept in memory, not the items.
/// </summary>
public static class ProductFeedParser
{
    public static async IAsyncEnumerable<ParsedFeedEntry> ParseAsync(
        Stream feed, string? defaultCurrency, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in ProductFeedReader.ReadAsync(feed, cancellationToken).ConfigureAwait(false))
        {
            var validation = ProductFeedRules.Validate(row, defaultCurrency);
            if (!validation.IsValid)
            {
                yield return new ParsedFeedEntry(null, validation.Rejection);
                continue;
            }

            var id = validation.Item.Id;
            if (seen.TryGetValue(id, out var earlier))
            {
                yield return new ParsedFeedEntry(null, new FeedRejection(
                    earlier, id, $"duplicate id: the later row at {RawFeedRow.Describe(row.Kind, row.Position)} was kept") { Kind = row.Kind });
            }

            seen[id] = row.Position;
            yield return new ParsedFeedEntry(validation.Item, null);
        }
    }
}
