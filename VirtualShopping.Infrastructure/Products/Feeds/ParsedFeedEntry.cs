using VirtualShopping.Domain.Products;

namespace VirtualShopping.Infrastructure.Products.Feeds;

/// <summary>What <see cref="ProductFeedParser"/> yields: an item to upsert, or a rejection to report (exactly one is set).</summary>
public sealed record ParsedFeedEntry(ProductFeedItem? Item, FeedRejection? Rejection);
