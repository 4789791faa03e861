namespace VirtualShopping.Domain.Shoppers;

/// <summary>A checked product of a <see cref="ShopperEvent"/>: texts cleaned, empty ones null, quantity at least 1.</summary>
public sealed class ShopperEventProduct
{
    public const int MaxIdLength = 100;
    public const int MaxNameLength = 300;
    public const int MaxLabelLength = 200;
    public const int MaxUrlLength = 2048;
    public const int MaxQuantity = 9999;

    public required string Id { get; set; }

    public string? Name { get; set; }

    public decimal? Price { get; set; }

    /// <summary>ISO 4217 code in capitals, or null when the site sent none.</summary>
    public string? Currency { get; set; }

    public int Quantity { get; set; } = 1;

    public string? Brand { get; set; }

    public string? Category { get; set; }

    public string? Variant { get; set; }

    public string? Url { get; set; }

    public string? Image { get; set; }
}
