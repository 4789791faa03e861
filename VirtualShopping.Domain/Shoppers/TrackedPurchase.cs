namespace VirtualShopping.Domain.Shoppers;

/// <summary>An order as the merchant's site sends it in a track() call, unchecked; <see cref="ShopperEvent.Read"/> checks it.</summary>
public sealed record TrackedPurchase
{
    public string? Id { get; init; }

    public decimal? Total { get; init; }

    public decimal? Subtotal { get; init; }

    public decimal? Tax { get; init; }

    public decimal? Shipping { get; init; }

    public string? Currency { get; init; }
}
