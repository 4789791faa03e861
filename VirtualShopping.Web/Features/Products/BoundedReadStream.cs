namespace VirtualShopping.Web.Features.Products;

/// <summary>
/// Reads another stream and refuses to go past <c>limit</c> bytes, or past the download's deadline: either ends the read
/// with an <see cref="IOException"/> whose message says why in plain words.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long limit, string tooLarge, string tooSlow, CancellationToken deadline) : ForwardReadStream
{
    private long read;

    public override int Read(Span<byte> buffer)
    {
        deadline.ThrowIfCancellationRequested();
        return Count(inner.Read(buffer));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline);
        try
        {
            return Count(await inner.ReadAsync(buffer, both.Token));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new IOException(tooSlow);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int bytes)
    {
        read += bytes;
        return read > limit ? throw new IOException(tooLarge) : bytes;
    }
}
