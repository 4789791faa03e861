namespace VirtualShopping.Web.Features.Chats;

/// <summary>A shopper session: send the token as "Authorization: Bearer {token}" (or access_token on the hub).</summary>
public sealed record ShopperSessionResponse(string Token, Guid ShopperId, DateTimeOffset ExpiresAt);
