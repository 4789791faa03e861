namespace VirtualShopping.Web.Features.Products;

/// <summary>
/// Reads a feed for an import and renews the import's lease as it goes (before a read, when <c>every</c> has passed
/// since the last renewal): an import that makes progress keeps its lease; one stuck longer than the lease loses it.
/// Leaves the feed open (its owner disposes it).
/// </summary>
internal sealed class LeaseRenewingStream(Stream feed, TimeProvider clock, TimeSpan every, Func<CancellationToken, Task> renew) : ForwardReadStream
{
    private DateTimeOffset renewed = clock.GetUtcNow();

    public override int Read(Span<byte> buffer) => feed.Read(buffer);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (now - renewed >= every)
        {
            await renew(cancellationToken);
            renewed = now;
        }

        return await feed.ReadAsync(buffer, cancellationToken);
    }
}
