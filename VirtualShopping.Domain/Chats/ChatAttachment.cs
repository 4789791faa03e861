using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Chats;

/// <summary>
/// An image or video sent in a chat, by the shopper or the expert. The bytes live in attachment storage under
/// <see cref="StorageKey"/>; this row says whose they are and what they are (decided from the content), and the
/// chat's <see cref="MessageKind.Attachment"/> message points to it.
/// </summary>
public sealed class ChatAttachment : ITenantOwned
{
    public const int MaxFileNameLength = 120;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public Guid ChatId { get; set; }

    /// <summary>Who uploaded it: <see cref="MessageSender.Shopper"/> or <see cref="MessageSender.Expert"/>.</summary>
    public MessageSender Sender { get; set; }

    /// <summary>The expert who uploaded it; null for the shopper.</summary>
    public Guid? StaffMemberId { get; set; }

    /// <summary>The type found in the content (image/png, video/mp4…), which is what it is served as.</summary>
    public required string ContentType { get; set; }

    public long Length { get; set; }

    /// <summary>The cleaned name (see <see cref="AttachmentContent.CleanFileName"/>), or null when the upload had none.</summary>
    public string? FileName { get; set; }

    public required string StorageKey { get; set; }

    /// <summary>SHA-256 of the bytes, lower-case hex.</summary>
    public required string Sha256 { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public bool IsVideo => ContentType.StartsWith("video/", StringComparison.Ordinal);

    /// <summary>The message text that stands for it: the file name, or "Photo" / "Video".</summary>
    public string Caption => FileName ?? (IsVideo ? "Video" : "Photo");
}
