using VirtualShopping.Domain.Products;

namespace VirtualShopping.Infrastructure.Products.Feeds;

/// <summary>One format's reader: the next row, or null at the end of the feed.</summary>
internal interface IFeedRows : IDisposable
{
    ValueTask<RawFeedRow?> NextAsync(CancellationToken cancellationToken);
}
