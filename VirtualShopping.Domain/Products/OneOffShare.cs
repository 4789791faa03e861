using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Domain.Products;

/// <summary>
/// A product shared from the Store App outside a chat: a link the expert passes on, a QR code shown in store, or a
/// text message or email sent to one recipient (never stored). <see cref="Read"/> checks what the app sent.
/// </summary>
public sealed record OneOffShare(ShareChannel Channel, string? To, string? Note)
{
    public const int MaxNoteLength = 300;

    /// <summary>The channels a one-off share may use, as the API spells them.</summary>
    public static readonly IReadOnlyDictionary<string, ShareChannel> Channels = new Dictionary<string, ShareChannel>(StringComparer.OrdinalIgnoreCase)
    {
        ["link"] = ShareChannel.Link,
        ["qr"] = ShareChannel.Qr,
        ["sms"] = ShareChannel.Sms,
        ["email"] = ShareChannel.Email,
    };

    /// <summary>The share asked for, or the problems by field (channel, to, note). Texts are trimmed; an empty note is none.</summary>
    public static (OneOffShare? Share, IReadOnlyList<(string Field, string Message)> Problems) Read(string? channel, string? to, string? note)
    {
        var problems = new List<(string Field, string Message)>();
        var trimmedTo = string.IsNullOrWhiteSpace(to) ? null : to.Trim();
        var trimmedNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (channel is null || !Channels.TryGetValue(channel.Trim(), out var parsed))
        {
            problems.Add(("channel", "Choose how to share: link, qr, sms or email."));
            parsed = ShareChannel.Link;
        }
        else if (parsed == ShareChannel.Sms && !PhoneNumber.IsE164(trimmedTo))
        {
            problems.Add(("to", "Enter the phone number in international form, e.g. +447700900123."));
        }
        else if (parsed == ShareChannel.Email && (trimmedTo is null || !LeftMessage.IsEmail(trimmedTo)))
        {
            problems.Add(("to", "Enter an email address like name@example.com."));
        }
        else if (parsed is ShareChannel.Link or ShareChannel.Qr && trimmedTo is not null)
        {
            problems.Add(("to", "A link or QR code has no recipient; leave \"to\" out."));
        }

        if (trimmedNote is not null && trimmedNote.Length > MaxNoteLength)
        {
            problems.Add(("note", $"Keep the note to {MaxNoteLength} characters."));
        }
        else if (trimmedNote is not null && trimmedNote.Any(c => char.IsControl(c) && c is not ('\n' or '\r')))
        {
            problems.Add(("note", "The note contains characters that cannot be sent."));
        }

        return problems.Count == 0 ? (new OneOffShare(parsed, trimmedTo, trimmedNote), problems) : (null, problems);
    }
}
