using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Chats;

/// <summary>
/// An expert's answer to a left message, sent by a Hangfire job with retries. The link in it carries a
/// one-time token (only its hash is stored) that works until <see cref="LinkExpiresAt"/>.
/// </summary>
public sealed class LeftMessageReply : ITenantOwned
{
    public const int MaxTextLength = 1000;

    /// <summary>How long the link back to the conversation works.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7);

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public Guid LeftMessageId { get; set; }

    public ReplyChannel Channel { get; set; }

    public required string Text { get; set; }

    public Guid? StaffMemberId { get; set; }

    public required string AuthorName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public ReplyDelivery Delivery { get; set; } = ReplyDelivery.Queued;

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>SHA-256 of the link token, hex.</summary>
    public required string LinkTokenHash { get; set; }

    public DateTimeOffset LinkExpiresAt { get; set; }
}
