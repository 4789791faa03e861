namespace VirtualShopping.Web.Features.Products;

/// <summary>A stream whose first bytes were read ahead (to look at them) and are given back before the rest.</summary>
internal sealed class PeekedStream(ReadOnlyMemory<byte> peeked, Stream rest) : Stream
{
    private ReadOnlyMemory<byte> pending = peeked;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Reads up to <paramref name="count"/> bytes ahead and returns them with a stream that still starts at the beginning.</summary>
    public static async Task<(byte[] First, Stream Stream)> PeekAsync(Stream stream, int count, CancellationToken cancellationToken)
    {
        var first = new byte[count];
        var got = 0;
        while (got < count && await stream.ReadAsync(first.AsMemory(got), cancellationToken) is var n and > 0)
        {
            got += n;
        }

        return (first[..got], new PeekedStream(first.AsMemory(0, got), stream));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (pending.IsEmpty)
        {
            return rest.Read(buffer);
        }

        var n = Math.Min(buffer.Length, pending.Length);
        pending.Span[..n].CopyTo(buffer);
        pending = pending[n..];
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (pending.IsEmpty)
        {
            return rest.ReadAsync(buffer, cancellationToken);
        }

        return ValueTask.FromResult(Read(buffer.Span));
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
            rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
