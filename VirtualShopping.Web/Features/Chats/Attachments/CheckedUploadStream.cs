using System.Security.Cryptography;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// An upload read once, front to back, on its way to storage: the bytes already read to recognise the type
/// come first, then the rest of the request's file part. It counts and hashes as it goes and fails with
/// <see cref="TooLargeException"/> as soon as the file passes its limit, so an oversized file is never stored whole.
/// </summary>
internal sealed class CheckedUploadStream(ReadOnlyMemory<byte> head, Stream rest, long maxLength) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private ReadOnlyMemory<byte> head = head;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => ReadLength;
        set => throw new NotSupportedException();
    }

    /// <summary>How many bytes have been read so far (all of them, once the stream is at its end).</summary>
    public long ReadLength { get; private set; }

    /// <summary>The SHA-256 of everything read, lower-case hex; call once, at the end.</summary>
    public string Sha256() => Convert.ToHexStringLower(hash.GetHashAndReset());

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (!head.IsEmpty)
        {
            read = Math.Min(head.Length, buffer.Length);
            head[..read].CopyTo(buffer);
            head = head[read..];
        }
        else
        {
            read = await rest.ReadAsync(buffer, cancellationToken);
        }

        return Count(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read;
        if (!head.IsEmpty)
        {
            read = Math.Min(head.Length, count);
            head[..read].Span.CopyTo(buffer.AsSpan(offset, read));
            head = head[read..];
        }
        else
        {
            read = rest.Read(buffer, offset, count);
        }

        return Count(buffer.AsSpan(offset, read));
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
            hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(ReadOnlySpan<byte> read)
    {
        ReadLength += read.Length;
        if (ReadLength > maxLength)
        {
            throw new TooLargeException();
        }

        hash.AppendData(read);
        return read.Length;
    }

    /// <summary>The file went past its limit.</summary>
    internal sealed class TooLargeException() : IOException("The upload is over its size limit.");
}
