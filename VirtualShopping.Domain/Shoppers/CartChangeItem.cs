namespace VirtualShopping.Domain.Shoppers;

/// <summary>
/// One product of a cart event: how many were added or removed (<see cref="Quantity"/>), how many are in the cart
/// now (<see cref="InCart"/>), and its unit price. <see cref="Name"/> is null when the product's name has 41 or
/// more characters: the expert sees a product's name only when it is short enough to read at a glance.
/// </summary>
public sealed record CartChangeItem(string? Name, int Quantity, int InCart, decimal? Price);
