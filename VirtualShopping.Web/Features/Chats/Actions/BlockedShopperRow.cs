namespace VirtualShopping.Web.Features.Chats;

/// <summary>One line of the Blocked list (no email: only the name the shopper gave).</summary>
public sealed record BlockedShopperRow(Guid Id, string ShopperLabel, string Reason, string BlockedByName, DateTimeOffset BlockedAt, Guid? ChatId);
