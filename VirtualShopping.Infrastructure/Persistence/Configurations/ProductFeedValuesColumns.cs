using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Products;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

/// <summary>The columns of a feed's values, alike for products and staged feed rows (so the import copies them as they are).</summary>
internal static class ProductFeedValuesColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> builder)
        where T : ProductFeedValues
    {
        builder.Property(p => p.ExternalId).HasMaxLength(ProductFeedItem.MaxIdLength);
        builder.Property(p => p.Title).HasMaxLength(ProductFeedItem.MaxTitleLength);
        builder.Property(p => p.Description).HasMaxLength(ProductFeedItem.MaxDescriptionLength);
        builder.Property(p => p.Link).HasMaxLength(ProductFeedItem.MaxUrlLength);
        builder.Property(p => p.ImageLink).HasMaxLength(ProductFeedItem.MaxUrlLength);
        builder.Property(p => p.Price).HasPrecision(19, 4);
        builder.Property(p => p.SalePrice).HasPrecision(19, 4);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.Availability).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Brand).HasMaxLength(ProductFeedItem.MaxBrandLength);
        builder.Property(p => p.Gtin).HasMaxLength(14);
        builder.Property(p => p.Mpn).HasMaxLength(ProductFeedItem.MaxMpnLength);
        builder.Property(p => p.Condition).HasMaxLength(16);
        builder.Property(p => p.ProductType).HasMaxLength(ProductFeedItem.MaxProductTypeLength);
        builder.Property(p => p.ItemGroupId).HasMaxLength(ProductFeedItem.MaxItemGroupIdLength);
        builder.Property(p => p.Color).HasMaxLength(ProductFeedItem.MaxColorLength);
        builder.Property(p => p.Size).HasMaxLength(ProductFeedItem.MaxSizeLength);
        builder.Property(p => p.ContentHash).HasMaxLength(ProductContentHash.Length);
    }
}
