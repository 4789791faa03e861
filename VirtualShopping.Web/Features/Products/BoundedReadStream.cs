namespace VirtualShopping.Web.Features.Products;

/// <summary>
/// Reads another stream and refuses to go past <c>limit</c> bytes, or past the download's deadline: either ends the read
/// with an <see cref="IOException"/> whose message says why in plain words.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long limit, string tooLarge, string tooSlow, CancellationToken deadline) : Stream
{
    private long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        deadline.ThrowIfCancellationRequested();
        return Count(inner.Read(buffer));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

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

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

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
