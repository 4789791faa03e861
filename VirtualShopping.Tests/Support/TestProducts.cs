using VirtualShopping.Domain.Products;

namespace VirtualShopping.Tests.Support;

/// <summary>Products as a feed import leaves them, for picker, favourite and card tests.</summary>
internal static class TestProducts
{
    public static Product New(
        Guid merchantId, string id, string title, string? brand = null, decimal price = 10m, decimal? sale = null, string? gtin = null, bool inFeed = true,
        ProductAvailability availability = ProductAvailability.InStock, string? color = null, string? size = null, string? image = null) => new()
        {
            MerchantId = merchantId, ExternalId = id, Title = title, Brand = brand, Price = price, SalePrice = sale, Currency = "GBP", Gtin = gtin, InFeed = inFeed,
            Availability = availability, Color = color, Size = size, Link = $"https://shop.example/{id}", ImageLink = image ?? $"https://img.example/{id}.jpg",
            ContentHash = id, FirstSeenAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
        };
}
