using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using VirtualShopping.Domain.Products;

namespace VirtualShopping.Infrastructure.Products.Feeds;

/// <summary>
/// The items of an RSS 2.0 feed (<c>rss/channel/item</c>) or the entries of an Atom feed (<c>feed/entry</c>), streamed with
/// an async <see cref="XmlReader"/> (no DTD, no resolver). Google attributes are the elements in
/// <c>http://base.google.com/ns/1.0</c> (whatever the prefix); nested ones such as <c>g:shipping</c> are skipped. Plain RSS
/// <c>title</c>, <c>link</c>, <c>description</c> (Atom: <c>title</c>, <c>link href</c>, <c>summary</c>/<c>content</c>) stand in
/// for missing Google ones. Text is read in chunks, so a huge field is marked too long rather than held.
/// </summary>
internal sealed partial class XmlFeedRows : IFeedRows
{
    private const string GoogleNamespace = "http://base.google.com/ns/1.0";
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    private static readonly XmlReaderSettings Settings = new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    private readonly XmlReader _xml;
    private readonly char[] _chunk = new char[4096];
    private readonly StringBuilder _value = new();
    private string? _itemName;
    private int _itemDepth;
    private int _items;

    public XmlFeedRows(TextReader text) => _xml = XmlReader.Create(text, Settings);

    public async ValueTask<RawFeedRow?> NextAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ProductFeedReader.UnpackingAsync(() => ReadItemAsync(cancellationToken)).ConfigureAwait(false);
        }
        catch (XmlException e)
        {
            throw new ProductFeedFormatException($"The feed's XML is broken at line {e.LineNumber}: {LineInfo().Replace(e.Message, "")}", e);
        }
    }

    public void Dispose() => _xml.Dispose();

    private async ValueTask<RawFeedRow?> ReadItemAsync(CancellationToken cancellationToken)
    {
        if (_itemName is null)
        {
            await _xml.MoveToContentAsync().ConfigureAwait(false);
            (_itemName, _itemDepth) = _xml.LocalName switch
            {
                "rss" when _xml.NamespaceURI.Length == 0 => ("item", 2),
                "feed" when _xml.NamespaceURI is "" or AtomNamespace => ("entry", 1),
                "html" => throw new ProductFeedFormatException(ProductFeedFormatException.HtmlPage),
                _ => throw new ProductFeedFormatException(ProductFeedFormatException.NotRssOrAtom),
            };
        }

        while (await _xml.ReadAsync().ConfigureAwait(false))
        {
            if (_xml.NodeType == XmlNodeType.Element && _xml.Depth == _itemDepth && _xml.LocalName == _itemName)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return await ReadFieldsAsync(++_items).ConfigureAwait(false);
            }
        }

        return null;
    }

    /// <summary>Reads the item the reader is on, leaving it on the item's end.</summary>
    private async ValueTask<RawFeedRow> ReadFieldsAsync(int position)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        var fallbacks = new Dictionary<string, string?>(StringComparer.Ordinal);
        var depth = _xml.Depth;
        var tooLong = false;
        if (!_xml.IsEmptyElement)
        {
            await _xml.ReadAsync().ConfigureAwait(false);
            while (_xml.NodeType != XmlNodeType.EndElement || _xml.Depth != depth)
            {
                if (_xml.NodeType != XmlNodeType.Element)
                {
                    await _xml.ReadAsync().ConfigureAwait(false);
                    continue;
                }

                var plain = _xml.NamespaceURI is "" or AtomNamespace;
                var fallback = plain ? Fallback(_xml.LocalName) : null;
                if (_xml.NamespaceURI == GoogleNamespace && FeedAttributes.All.Contains(_xml.LocalName))
                {
                    var name = _xml.LocalName;
                    var (value, over) = await ReadLeafAsync().ConfigureAwait(false);
                    tooLong |= over;
                    if (value is not null)
                    {
                        fields.TryAdd(name, value);
                    }
                }
                else if (plain && _xml.LocalName == "link" && _xml.GetAttribute("href") is { } href)
                {
                    if (_xml.GetAttribute("rel") is null or "alternate")
                    {
                        fallbacks.TryAdd(FeedAttributes.Link, href);
                    }

                    await _xml.SkipAsync().ConfigureAwait(false);
                }
                else if (fallback is not null)
                {
                    var (value, over) = await ReadLeafAsync().ConfigureAwait(false);
                    tooLong |= over;
                    if (value is not null)
                    {
                        fallbacks.TryAdd(fallback, value);
                    }
                }
                else
                {
                    await _xml.SkipAsync().ConfigureAwait(false);
                }
            }
        }

        foreach (var (name, value) in fallbacks)
        {
            fields.TryAdd(name, value);
        }

        if (tooLong)
        {
            fields[RawFeedRow.TooLongMarker] = null;
        }

        return new RawFeedRow(position, fields) { Kind = FeedPositionKind.Item };
    }

    private static string? Fallback(string localName) => localName switch
    {
        "title" => FeedAttributes.Title,
        "link" => FeedAttributes.Link,
        "description" or "summary" or "content" => FeedAttributes.Description,
        _ => null,
    };

    /// <summary>
    /// The text of the element the reader is on, read in chunks and leaving the reader after it: null when it holds elements
    /// (a nested attribute such as <c>g:shipping</c>); over when it is longer than <see cref="ProductFeedReader.MaxFieldLength"/>.
    /// </summary>
    private async ValueTask<(string? Value, bool Over)> ReadLeafAsync()
    {
        _value.Clear();
        if (_xml.IsEmptyElement)
        {
            await _xml.ReadAsync().ConfigureAwait(false);
            return ("", false);
        }

        var depth = _xml.Depth;
        var nested = false;
        var over = false;
        await _xml.ReadAsync().ConfigureAwait(false);
        while (_xml.NodeType != XmlNodeType.EndElement || _xml.Depth != depth)
        {
            if (_xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                int read;
                while ((read = await _xml.ReadValueChunkAsync(_chunk, 0, _chunk.Length).ConfigureAwait(false)) > 0)
                {
                    over |= _value.Length + read > ProductFeedReader.MaxFieldLength;
                    if (!over)
                    {
                        _value.Append(_chunk, 0, read);
                    }
                }

                await _xml.ReadAsync().ConfigureAwait(false);
            }
            else if (_xml.NodeType == XmlNodeType.Element)
            {
                nested = true;
                await _xml.SkipAsync().ConfigureAwait(false);
            }
            else
            {
                await _xml.ReadAsync().ConfigureAwait(false);
            }
        }

        await _xml.ReadAsync().ConfigureAwait(false);
        return (nested ? null : over ? "" : DelimitedFeedRows.Decode(_value.ToString()), over && !nested);
    }

    [GeneratedRegex(@"\s*Line \d+, position \d+\.\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LineInfo();
}
