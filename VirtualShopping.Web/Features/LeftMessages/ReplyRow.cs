using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.LeftMessages;

/// <summary>One answer and where its delivery stands.</summary>
public sealed record ReplyRow(Guid Id, ReplyChannel Channel, string Text, string AuthorName, DateTimeOffset CreatedAt, ReplyDelivery Delivery, DateTimeOffset? SentAt, int Attempts, string? LastError, DateTimeOffset LinkExpiresAt);
