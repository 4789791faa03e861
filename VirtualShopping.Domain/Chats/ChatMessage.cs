using System.Globalization;
using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Chats;

/// <summary>
/// One message in a chat, numbered 1, 2, 3… within the chat: a client that reconnects asks for
/// everything after the last number it saw and gets it in order, without duplicates.
/// </summary>
public sealed class ChatMessage : ITenantOwned
{
    public const int MaxTextLength = 2000;
    public const int MaxClientMessageIdLength = 64;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public Guid ChatId { get; set; }

    /// <summary>1-based position in the chat; unique per chat.</summary>
    public int Sequence { get; set; }

    public MessageSender Sender { get; set; }

    public MessageKind Kind { get; set; } = MessageKind.Text;

    /// <summary>The image or video of an <see cref="MessageKind.Attachment"/> message.</summary>
    public Guid? AttachmentId { get; set; }

    /// <summary>Structured content of the kinds that have it (a <see cref="MessageKind.Cart"/> event), as JSON; null for text.</summary>
    public string? Data { get; set; }

    public Guid? StaffMemberId { get; set; }

    /// <summary>The expert's name, or null for the shopper and system messages.</summary>
    public string? AuthorName { get; set; }

    /// <summary>Plain text, shown as text everywhere: never rendered as HTML.</summary>
    public required string Text { get; set; }

    public DateTimeOffset SentAt { get; set; }

    /// <summary>The sender's own id for the message, so a retried send is stored once.</summary>
    public string? ClientMessageId { get; set; }

    /// <summary>
    /// Cleans and checks what a person typed: trimmed, control characters other than line breaks
    /// and tabs removed, not empty, at most <see cref="MaxTextLength"/> characters.
    /// </summary>
    public static (string? Text, RuleResult Result) CleanText(string? text)
    {
        if (text is null)
        {
            return (null, RuleResult.Fail("Type a message."));
        }

        // Control and invisible format characters go (zero-width spaces, direction overrides, byte-order
        // marks), except the zero-width joiner that holds emoji sequences together.
        var cleaned = new string(text.Where(c => c is '\n' or '\t' or '\u200D'
            || (!char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)).ToArray()).Trim();
        if (cleaned.Length == 0 || cleaned.All(c => char.IsWhiteSpace(c) || c == '\u200D'))
        {
            return (null, RuleResult.Fail("Type a message."));
        }

        if (cleaned.Length > MaxTextLength)
        {
            return (null, RuleResult.Fail($"Messages can be at most {MaxTextLength} characters; this one has {cleaned.Length}."));
        }

        return (cleaned, RuleResult.Ok);
    }
}
