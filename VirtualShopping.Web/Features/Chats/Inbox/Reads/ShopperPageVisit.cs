namespace VirtualShopping.Web.Features.Chats;

/// <summary>A page the shopper viewed on the merchant's site (newest first in the panel).</summary>
public sealed record ShopperPageVisit(string Url, string? Title, DateTimeOffset At);
