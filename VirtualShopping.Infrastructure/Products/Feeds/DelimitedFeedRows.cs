using System.Net;
using System.Text;
using VirtualShopping.Domain.Products;

namespace VirtualShopping.Infrastructure.Products.Feeds;

/// <summary>
/// CSV/TSV rows (RFC 4180: quoted fields may hold delimiters, doubled quotes and line breaks) after a header row naming
/// Google attributes (any case, with or without <c>g:</c>, spaces for underscores). Unknown columns are ignored, short rows
/// read as missing fields, blank rows skipped; positions are the line a row starts on. A field over
/// <see cref="ProductFeedReader.MaxFieldLength"/> or a row over <see cref="ProductFeedReader.MaxRowLength"/> characters is not
/// kept but marked too long, so memory stays bounded whatever the file holds.
/// </summary>
internal sealed class DelimitedFeedRows(TextReader text, char delimiter) : IFeedRows
{
    /// <summary>Fields past this many in one row are not kept (a header has far fewer).</summary>
    private const int MaxColumns = 1000;

    private readonly char[] _buffer = new char[16 * 1024];
    private readonly List<string> _fields = [];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private bool _ended;
    private int _line = 1;
    private bool _skipLineFeed;
    private int _rowLength;
    private bool _tooLong;
    private List<(int Index, string Attribute)>? _columns;

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    public async ValueTask<RawFeedRow?> NextAsync(CancellationToken cancellationToken)
    {
        while (await ProductFeedReader.UnpackingAsync(() => ReadRecordAsync(cancellationToken)).ConfigureAwait(false) is { } line)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!_tooLong && _fields.TrueForAll(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (_columns is null)
            {
                _columns = Header();
                if (!_columns.Exists(c => c.Attribute == FeedAttributes.Id))
                {
                    throw new ProductFeedFormatException(ProductFeedFormatException.NoHeader);
                }

                continue;
            }

            var fields = new Dictionary<string, string?>(_columns.Count + 1, StringComparer.Ordinal);
            foreach (var (index, attribute) in _columns)
            {
                fields[attribute] = index < _fields.Count ? Decode(_fields[index]) : null;
            }

            if (_tooLong)
            {
                fields[RawFeedRow.TooLongMarker] = null;
            }

            return new RawFeedRow(line, fields) { Kind = FeedPositionKind.Line };
        }

        return _columns is null ? throw new ProductFeedFormatException(ProductFeedFormatException.NoHeader) : null;
    }

    public void Dispose() => text.Dispose();

    /// <summary>Entities such as <c>&amp;amp;</c> in text exported from HTML are decoded.</summary>
    internal static string Decode(string value) =>
        value.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(value) : value;

    private List<(int Index, string Attribute)> Header()
    {
        var columns = new List<(int, string)>();
        for (var i = 0; i < _fields.Count; i++)
        {
            var name = _fields[i].Trim().ToLowerInvariant().Replace(' ', '_');
            name = name.StartsWith("g:", StringComparison.Ordinal) ? name[2..] : name;
            if (FeedAttributes.All.Contains(name) && !columns.Exists(c => c.Item2 == name))
            {
                columns.Add((i, name));
            }
        }

        return columns;
    }

    /// <summary>Reads one record into <see cref="_fields"/>; the line it starts on, or null at the end of the text.</summary>
    private async ValueTask<int?> ReadRecordAsync(CancellationToken cancellationToken)
    {
        _fields.Clear();
        _field.Clear();
        _rowLength = 0;
        _tooLong = false;
        var state = State.FieldStart;
        int? start = null;
        while (true)
        {
            if (_position == _length)
            {
                _position = 0;
                _length = _ended ? 0 : await text.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (_length == 0)
                {
                    _ended = true;
                    if (start is not null)
                    {
                        EndField();
                    }

                    return start;
                }
            }

            var c = _buffer[_position++];
            if (c == '\r')
            {
                c = '\n';
                _skipLineFeed = true;
            }
            else if (c == '\n' && _skipLineFeed)
            {
                _skipLineFeed = false;
                continue;
            }
            else
            {
                _skipLineFeed = false;
            }

            start ??= _line;
            if (c == '\n')
            {
                _line++;
            }

            if (++_rowLength > ProductFeedReader.MaxRowLength)
            {
                _tooLong = true;
            }

            switch (state)
            {
                case State.Quoted when c == '"':
                    state = State.QuoteInQuoted;
                    break;
                case State.Quoted:
                    Append(c);
                    break;
                case State.FieldStart when c == '"':
                    state = State.Quoted;
                    break;
                case State.QuoteInQuoted when c == '"':
                    Append(c);
                    state = State.Quoted;
                    break;
                case State.FieldStart or State.Unquoted or State.QuoteInQuoted when c == delimiter:
                    EndField();
                    state = State.FieldStart;
                    break;
                case State.FieldStart or State.Unquoted or State.QuoteInQuoted when c == '\n':
                    EndField();
                    return start;
                default:
                    Append(c);
                    state = State.Unquoted;
                    break;
            }
        }
    }

    private void Append(char c)
    {
        if (_tooLong || _field.Length >= ProductFeedReader.MaxFieldLength)
        {
            _tooLong = true;
            return;
        }

        _field.Append(c);
    }

    private void EndField()
    {
        if (_fields.Count < MaxColumns && !_tooLong)
        {
            _fields.Add(_field.ToString());
        }

        _field.Clear();
    }
}
