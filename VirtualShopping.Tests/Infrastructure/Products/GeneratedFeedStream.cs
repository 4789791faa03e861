using System.Text;

namespace VirtualShopping.Tests.Infrastructure.Products;

/// <summary>
/// A feed written on demand as it is read, never held whole: a header, <paramref name="count"/> items, a footer. It counts the
/// items written so far, so a test can see how far ahead of the reader the producer had to be.
/// </summary>
internal sealed class GeneratedFeedStream(string header, Func<int, string> item, int count, string footer) : Stream
{
    private byte[] _pending = Encoding.UTF8.GetBytes(header);
    private int _offset;
    private bool _footerWritten;

    public int ItemsWritten { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public static GeneratedFeedStream Rss(int count) => new(
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:g=\"http://base.google.com/ns/1.0\"><channel><title>Generated</title>\n",
        i => $"<item><g:id>P{i}</g:id><g:title>Product {i}</g:title><g:link>https://shop.example/p/{i}</g:link>"
             + $"<g:price>{i % 500}.99 EUR</g:price><g:availability>in_stock</g:availability><g:brand>Brand {i % 40}</g:brand></item>\n",
        count,
        "</channel></rss>\n");

    public static GeneratedFeedStream Csv(int count) => new(
        "id,title,link,price,availability,brand\n",
        i => $"P{i},\"Product {i}, size M\",https://shop.example/p/{i},{i % 500}.99 EUR,in_stock,Brand {i % 40}\n",
        count,
        "");

    public override int Read(Span<byte> buffer)
    {
        while (_offset == _pending.Length)
        {
            if (ItemsWritten < count)
            {
                _pending = Encoding.UTF8.GetBytes(item(++ItemsWritten));
            }
            else if (!_footerWritten)
            {
                _footerWritten = true;
                _pending = Encoding.UTF8.GetBytes(footer);
            }
            else
            {
                return 0;
            }

            _offset = 0;
        }

        var length = Math.Min(buffer.Length, _pending.Length - _offset);
        _pending.AsSpan(_offset, length).CopyTo(buffer);
        _offset += length;
        return length;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
