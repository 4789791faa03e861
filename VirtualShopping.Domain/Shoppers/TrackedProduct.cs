namespace VirtualShopping.Domain.Shoppers;

/// <summary>A product as the merchant's site sends it in a track() call, unchecked; <see cref="ShopperEvent.Read"/> checks it.</summary>
public sealed record TrackedProduct
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public decimal? Price { get; init; }

    public string? Currency { get; init; }

    public int? Quantity { get; init; }

    public string? Brand { get; init; }

    public string? Category { get; init; }

    public string? Variant { get; init; }

    public string? Url { get; init; }

    public string? Image { get; init; }
}
