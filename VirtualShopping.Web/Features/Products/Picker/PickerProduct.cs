using VirtualShopping.Domain.Products;
using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Web.Features.Products;

/// <summary>A product as the product picker lists it (web inbox and Store App).</summary>
/// <param name="Variant">The variant's colour and size, e.g. "Grey, 41.5"; null when the feed gives neither.</param>
/// <param name="ImageUrl">The merchant's image, https only; null otherwise.</param>
/// <param name="SalePrice">Only when below <paramref name="Price"/>.</param>
/// <param name="Availability">What a shopper may be told: out of stock once the feed no longer has it.</param>
/// <param name="IsFavourite">Whether the expert asking starred it.</param>
public sealed record PickerProduct(
    Guid Id,
    string ExternalId,
    string Title,
    string? Variant,
    string? Brand,
    string? Gtin,
    string? ImageUrl,
    decimal Price,
    decimal? SalePrice,
    string Currency,
    ProductAvailability Availability,
    bool IsFavourite)
{
    /// <summary>The product as the picker shows it now.</summary>
    public static PickerProduct Of(Product product, bool isFavourite)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new(
            product.Id,
            product.ExternalId,
            product.Title,
            ProductCardView.VariantOf(product),
            product.Brand,
            product.Gtin,
            ProductCardView.ImageOf(product),
            product.Price,
            ProductCardView.SalePriceOf(product),
            product.Currency,
            product.EffectiveAvailability,
            isFavourite);
    }

    public string PriceText => ProductCatalog.Money(Price, Currency);

    public string? SalePriceText => SalePrice is { } sale ? ProductCatalog.Money(sale, Currency) : null;

    public string AvailabilityText => ProductCatalog.AvailabilityLabel(Availability, true);
}
