namespace VirtualShopping.Domain.Products;

/// <summary>
/// A product as a feed describes it, after <see cref="ProductFeedRules.Validate"/>: strings trimmed and free of control
/// characters, the link an absolute http(s) URL, the image https only, the sale price only when it is lower than the price
/// in the same currency, the GTIN only when it has 8, 12, 13 or 14 digits.
/// </summary>
public sealed record ProductFeedItem(
    string Id,
    string Title,
    string? Description,
    string Link,
    string? ImageLink,
    Money Price,
    Money? SalePrice,
    ProductAvailability Availability,
    string? Brand,
    string? Gtin,
    string? Mpn,
    string? Condition,
    string? ProductType,
    string? ItemGroupId,
    string? Color,
    string? Size)
{
    public const int MaxIdLength = 50;
    public const int MaxTitleLength = 150;
    public const int MaxDescriptionLength = 5000;
    public const int MaxUrlLength = 2000;
    public const int MaxBrandLength = 70;
    public const int MaxMpnLength = 70;
    public const int MaxProductTypeLength = 750;
    public const int MaxItemGroupIdLength = 50;
    public const int MaxColorLength = 100;
    public const int MaxSizeLength = 100;
}
