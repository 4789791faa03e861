namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// A product of a cart message: its name (null when the name has 41 or more characters), how many were added or
/// removed, its unit price, and how many are in the cart now.
/// </summary>
public sealed record CartProductView(string? Name, int Quantity, decimal? Price, int InCart);
