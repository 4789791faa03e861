namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// One event for the merchant's inbox circuits on this app instance. <see cref="StaffMemberId"/> is whom it is
/// about (the offered, mentioned or holding expert) when there is one; <see cref="Payload"/> depends on <see cref="Kind"/>.
/// </summary>
public sealed record InboxEvent(InboxEventKind Kind, Guid MerchantId, Guid? ChatId, Guid? StaffMemberId, object? Payload = null);
