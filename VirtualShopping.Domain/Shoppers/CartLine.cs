namespace VirtualShopping.Domain.Shoppers;

/// <summary>One product in a <see cref="ShopperCart"/>: how many, and the last price and name the site sent for it.</summary>
public sealed class CartLine
{
    public required string ProductId { get; set; }

    public string? Name { get; set; }

    public decimal? Price { get; set; }

    public string? Currency { get; set; }

    public int Quantity { get; set; }
}
