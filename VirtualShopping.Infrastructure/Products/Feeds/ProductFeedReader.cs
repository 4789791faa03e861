using System.Buffers;
using System.IO.Compression;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using VirtualShopping.Domain.Products;

namespace VirtualShopping.Infrastructure.Products.Feeds;

/// <summary>
/// Streams the rows of a product feed in bounded memory: gzip (by its magic bytes) is unpacked, the encoding read from the
/// byte order mark (else a single-byte encoding an XML declaration names, else UTF-8; invalid bytes become U+FFFD), and the format told by the first character: <c>&lt;</c>
/// is XML (RSS 2.0 or Atom with Google's <c>g:</c> attributes), anything else delimited text (CSV, TSV or semicolons) with a
/// header row. Throws <see cref="ProductFeedFormatException"/> when the stream is not a feed, possibly after rows were
/// yielded (the caller stages rows and applies nothing then).
/// </summary>
public static partial class ProductFeedReader
{
    /// <summary>A field longer than this marks its row <see cref="RawFeedRow.TooLongMarker"/>.</summary>
    public const int MaxFieldLength = 100_000;

    /// <summary>A CSV/TSV row longer than this (in characters, about 1 MB) marks its row too long.</summary>
    public const int MaxRowLength = 1024 * 1024;

    private const int SniffLength = 4096;

    public static async IAsyncEnumerable<RawFeedRow> ReadAsync(Stream feed, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var raw = PipeReader.Create(feed, new StreamPipeReaderOptions(leaveOpen: true));
        PipeReader? unpacked = null;
        IFeedRows? rows = null;
        try
        {
            var content = raw;
            if (await PeekAsync(raw, 2, cancellationToken).ConfigureAwait(false) is [0x1F, 0x8B])
            {
                unpacked = PipeReader.Create(new GZipStream(raw.AsStream(leaveOpen: true), CompressionMode.Decompress));
                content = unpacked;
            }

            var head = await PeekAsync(content, SniffLength, cancellationToken).ConfigureAwait(false);
            var (encoding, preamble) = EncodingOf(head);
            var start = encoding.GetString(head, preamble, head.Length - preamble).TrimStart();
            if (preamble == 0 && DeclaredSingleByteEncoding(start) is { } declared)
            {
                encoding = declared;
            }

            if (start.Length == 0 && head.Length < SniffLength)
            {
                throw new ProductFeedFormatException(ProductFeedFormatException.Empty);
            }

            var text = new StreamReader(content.AsStream(leaveOpen: true), encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024);
            if (start.StartsWith('<'))
            {
                if (IsHtml(start))
                {
                    text.Dispose();
                    throw new ProductFeedFormatException(ProductFeedFormatException.HtmlPage);
                }

                rows = new XmlFeedRows(text);
            }
            else
            {
                rows = new DelimitedFeedRows(text, DelimiterOf(start));
            }

            while (await rows.NextAsync(cancellationToken).ConfigureAwait(false) is { } row)
            {
                yield return row;
            }
        }
        finally
        {
            rows?.Dispose();
            if (unpacked is not null)
            {
                await unpacked.CompleteAsync().ConfigureAwait(false);
            }

            await raw.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Turns a broken gzip stream into the plain-words format error.</summary>
    internal static async ValueTask<T> UnpackingAsync<T>(Func<ValueTask<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw new ProductFeedFormatException(ProductFeedFormatException.BrokenCompression, e);
        }
    }

    /// <summary>The first <paramref name="count"/> bytes (fewer at the end of the stream), left unread in the pipe.</summary>
    private static ValueTask<byte[]> PeekAsync(PipeReader reader, int count, CancellationToken cancellationToken) =>
        UnpackingAsync(async () =>
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                if (buffer.Length >= count || result.IsCompleted)
                {
                    var head = buffer.Slice(0, Math.Min(count, buffer.Length)).ToArray();
                    reader.AdvanceTo(buffer.Start);
                    return head;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        });

    /// <summary>UTF-8 unless a byte order mark (or a first <c>&lt;</c> in UTF-16) says UTF-16; invalid bytes are replaced, never thrown.</summary>
    private static (Encoding Encoding, int Preamble) EncodingOf(byte[] head) => head switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false), 3),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2),
        [(byte)'<', 0, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 0),
        [0, (byte)'<', ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 0),
        _ => (new UTF8Encoding(false), 0),
    };

    /// <summary>
    /// The single-byte encoding an XML declaration names (ISO-8859-1, windows-1252...) for a feed without a byte order mark;
    /// null for UTF-8, ASCII (read as UTF-8, its superset), multi-byte or unknown encodings.
    /// </summary>
    private static Encoding? DeclaredSingleByteEncoding(string start)
    {
        if (!start.StartsWith("<?xml", StringComparison.Ordinal) || DeclaredEncoding().Match(start) is not { Success: true } match)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        try
        {
            var encoding = CodePagesEncodingProvider.Instance.GetEncoding(name, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback)
                           ?? Encoding.GetEncoding(name, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
            return encoding.IsSingleByte && encoding.CodePage != Encoding.ASCII.CodePage ? encoding : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Whether the markup after any XML declaration and comments opens an HTML page.</summary>
    private static bool IsHtml(string start)
    {
        var rest = start.AsSpan();
        while (rest.StartsWith("<?") || rest.StartsWith("<!--"))
        {
            var end = rest.StartsWith("<?") ? rest.IndexOf("?>") + 2 : rest.IndexOf("-->") + 3;
            if (end < 3)
            {
                return false;
            }

            rest = rest[end..].TrimStart();
        }

        return rest.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
               || (rest.StartsWith("<html", StringComparison.OrdinalIgnoreCase) && (rest.Length == 5 || !char.IsAsciiLetterOrDigit(rest[5])));
    }

    /// <summary>Tab when the header has one, semicolon when it has one and no comma, else comma.</summary>
    private static char DelimiterOf(string start)
    {
        var newline = start.IndexOfAny(['\r', '\n']);
        var header = newline < 0 ? start : start[..newline];
        return header.Contains('\t', StringComparison.Ordinal) ? '\t'
            : header.Contains(';', StringComparison.Ordinal) && !header.Contains(',', StringComparison.Ordinal) ? ';'
            : ',';
    }

    [GeneratedRegex(@"^<\?xml[^>]*?\sencoding\s*=\s*[""'](?<name>[A-Za-z0-9._:-]{1,40})[""']", RegexOptions.CultureInvariant)]
    private static partial Regex DeclaredEncoding();
}
