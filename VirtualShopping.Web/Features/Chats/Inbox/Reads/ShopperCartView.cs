namespace VirtualShopping.Web.Features.Chats;

/// <summary>The shopper's cart now, as the widget last reported it (product names only when under 41 characters).</summary>
public sealed record ShopperCartView(IReadOnlyList<CartProductView> Lines, decimal? Subtotal, string? Currency, DateTimeOffset UpdatedAt);
