using System.Text;
using System.Threading.Channels;

namespace VirtualShopping.Tests.Integration.Products;

/// <summary>
/// A feed that arrives when the test says: each time the reader has used up what it was given, <see cref="WantsMoreAsync"/>
/// completes and the read waits for the next <see cref="Send"/> (or <see cref="End"/>). A stuck download, under the test's control.
/// </summary>
internal sealed class GatedFeedStream : Stream
{
    private readonly Channel<byte[]?> chunks = Channel.CreateUnbounded<byte[]?>();
    private readonly Channel<bool> asks = Channel.CreateUnbounded<bool>();
    private ReadOnlyMemory<byte> current;
    private bool ended;

    /// <summary>Completes (within 20 s) when the reader next waits for more of the feed.</summary>
    public async Task WantsMoreAsync() => await asks.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

    public void Send(string text) => chunks.Writer.TryWrite(Encoding.UTF8.GetBytes(text));

    public void End() => chunks.Writer.TryWrite(null);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (current.IsEmpty && !ended)
        {
            asks.Writer.TryWrite(true);
            var next = await chunks.Reader.ReadAsync(cancellationToken);
            ended = next is null;
            current = next ?? ReadOnlyMemory<byte>.Empty;
        }

        var n = Math.Min(buffer.Length, current.Length);
        current[..n].CopyTo(buffer);
        current = current[n..];
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
