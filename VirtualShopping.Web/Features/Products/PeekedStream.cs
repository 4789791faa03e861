namespace VirtualShopping.Web.Features.Products;

/// <summary>A stream whose first bytes were read ahead (to look at them) and are given back before the rest.</summary>
internal sealed class PeekedStream(ReadOnlyMemory<byte> peeked, Stream rest) : ForwardReadStream
{
    private ReadOnlyMemory<byte> pending = peeked;

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

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (pending.IsEmpty)
        {
            return rest.ReadAsync(buffer, cancellationToken);
        }

        return ValueTask.FromResult(Read(buffer.Span));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
