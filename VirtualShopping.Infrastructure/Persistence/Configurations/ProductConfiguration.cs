using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Products;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public const int ContentHashLength = ProductContentHash.Length;

    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(p => p.MerchantId);
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
        builder.Property(p => p.ContentHash).HasMaxLength(ContentHashLength);
        builder.Ignore(p => p.EffectiveAvailability);
        builder.HasIndex(p => new { p.MerchantId, p.ExternalId }).IsUnique();
        builder.HasIndex(p => new { p.MerchantId, p.ItemGroupId });
        builder.HasIndex(p => new { p.MerchantId, p.Title });
    }
}
