using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Products;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class StagedProductConfiguration : IEntityTypeConfiguration<StagedProduct>
{
    public void Configure(EntityTypeBuilder<StagedProduct> builder)
    {
        builder.HasKey(s => new { s.ImportId, s.ExternalId });
        builder.HasOne<ProductImport>().WithMany().HasForeignKey(s => s.ImportId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.ExternalId).HasMaxLength(ProductFeedItem.MaxIdLength);
        builder.Property(s => s.Title).HasMaxLength(ProductFeedItem.MaxTitleLength);
        builder.Property(s => s.Description).HasMaxLength(ProductFeedItem.MaxDescriptionLength);
        builder.Property(s => s.Link).HasMaxLength(ProductFeedItem.MaxUrlLength);
        builder.Property(s => s.ImageLink).HasMaxLength(ProductFeedItem.MaxUrlLength);
        builder.Property(s => s.Price).HasPrecision(19, 4);
        builder.Property(s => s.SalePrice).HasPrecision(19, 4);
        builder.Property(s => s.Currency).HasMaxLength(3);
        builder.Property(s => s.Availability).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Brand).HasMaxLength(ProductFeedItem.MaxBrandLength);
        builder.Property(s => s.Gtin).HasMaxLength(14);
        builder.Property(s => s.Mpn).HasMaxLength(ProductFeedItem.MaxMpnLength);
        builder.Property(s => s.Condition).HasMaxLength(16);
        builder.Property(s => s.ProductType).HasMaxLength(ProductFeedItem.MaxProductTypeLength);
        builder.Property(s => s.ItemGroupId).HasMaxLength(ProductFeedItem.MaxItemGroupIdLength);
        builder.Property(s => s.Color).HasMaxLength(ProductFeedItem.MaxColorLength);
        builder.Property(s => s.Size).HasMaxLength(ProductFeedItem.MaxSizeLength);
        builder.Property(s => s.ContentHash).HasMaxLength(ProductConfiguration.ContentHashLength);
    }
}
