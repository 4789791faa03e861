using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace VirtualShopping.Domain.Chats;

/// <summary>
/// Decides what a chat upload is from its first bytes (magic numbers), never from its name or declared type:
/// JPEG, PNG, GIF and WebP images, MP4, QuickTime and WebM videos. Everything else (SVG, HTML, PDF, programs,
/// audio, empty files) is refused, so nothing a browser could run is ever stored or served.
/// </summary>
public static class AttachmentContent
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs to decide.</summary>
    public const int HeadLength = 64;

    public const long MaxImageBytes = 10 * 1024 * 1024;

    public const long MaxVideoBytes = 50 * 1024 * 1024;

    public const string Accepted = "Send a JPEG, PNG, GIF or WebP photo, or an MP4, WebM or QuickTime (MOV) video.";

    private const int MaxStemLength = 100;

    // The ISO base media brands of ordinary MP4 video files (phones, cameras, browsers' MediaRecorder, encoders).
    private static readonly string[] Mp4Brands = ["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "M4VH", "M4VP", "dash", "mmp4", "MSNV"];

    /// <summary>The size limit for a kind of attachment.</summary>
    public static long MaxBytes(AttachmentKind kind) => kind == AttachmentKind.Video ? MaxVideoBytes : MaxImageBytes;

    /// <summary>What the limit is, in words, for a refusal.</summary>
    public static string LimitText(AttachmentKind kind) =>
        kind == AttachmentKind.Video ? $"Videos can be at most {MaxVideoBytes / (1024 * 1024)} MB." : $"Photos can be at most {MaxImageBytes / (1024 * 1024)} MB.";

    /// <summary>The type of a file from its first bytes (at least <see cref="HeadLength"/> of them when the file is that long), or null when chats do not take it.</summary>
    public static AttachmentType? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return AttachmentType.Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return AttachmentType.Png;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return AttachmentType.Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return AttachmentType.WebP;
        }

        if (head.Length >= 12 && head.Slice(4, 4).SequenceEqual("ftyp"u8) && BinaryPrimitives.ReadUInt32BigEndian(head) is >= 12 and <= 4096)
        {
            // An ISO base media file: the major brand says what it holds (HEIF images and M4A audio are refused).
            var brand = Encoding.ASCII.GetString(head.Slice(8, 4));
            return brand == "qt  " ? AttachmentType.QuickTime : Mp4Brands.Contains(brand) ? AttachmentType.Mp4 : null;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]) && EbmlDocType(head) == "webm")
        {
            // Matroska shares the EBML header; only the WebM document type is a web video.
            return AttachmentType.WebM;
        }

        return null;
    }

    /// <summary>
    /// A file name safe to show and to offer in a download: the last path segment, without control characters,
    /// quotes or characters file systems refuse, at most about 100 characters, and always ending in the extension of
    /// the type the content really is (a PNG named "invoice.html" becomes "invoice.png"). Null when no name is left.
    /// </summary>
    public static string? CleanFileName(string? name, AttachmentType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var last = name.Split('/', '\\')[^1];
        var dot = last.LastIndexOf('.');
        var stem = dot > 0 ? last[..dot] : last;
        var kept = new StringBuilder(stem.Length);
        for (var i = 0; i < stem.Length; i++)
        {
            var c = stem[i];
            if (char.IsSurrogate(c))
            {
                // Emoji and other pairs stay whole; a lone half goes.
                if (i + 1 < stem.Length && char.IsSurrogatePair(c, stem[i + 1]))
                {
                    kept.Append(c).Append(stem[++i]);
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                // Tabs and line breaks become one space (a run of them too).
                if (kept.Length > 0 && kept[^1] != ' ')
                {
                    kept.Append(' ');
                }

                continue;
            }

            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format || "\"*:<>?|;%".Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            kept.Append(c);
        }

        var cleaned = kept.ToString().Trim(' ', '.');
        if (cleaned.Length > MaxStemLength)
        {
            cleaned = cleaned[..(char.IsHighSurrogate(cleaned[MaxStemLength - 1]) ? MaxStemLength - 1 : MaxStemLength)].TrimEnd(' ', '.');
        }

        return cleaned.Length == 0 ? null : cleaned + type.Extension;
    }

    /// <summary>The DocType of an EBML header (element id 0x4282 with a one-byte size), or null.</summary>
    private static string? EbmlDocType(ReadOnlySpan<byte> head)
    {
        for (var i = 4; i + 3 <= head.Length; i++)
        {
            if (head[i] == 0x42 && head[i + 1] == 0x82 && (head[i + 2] & 0x80) != 0)
            {
                var length = head[i + 2] & 0x7F;
                return i + 3 + length <= head.Length ? Encoding.ASCII.GetString(head.Slice(i + 3, length)) : null;
            }
        }

        return null;
    }
}
