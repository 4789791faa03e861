using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Products;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class ProductImportRejectionConfiguration : IEntityTypeConfiguration<ProductImportRejection>
{
    public void Configure(EntityTypeBuilder<ProductImportRejection> builder)
    {
        builder.HasOne<ProductImport>().WithMany().HasForeignKey(r => r.ImportId);
        builder.Property(r => r.PositionKind).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.ProductId).HasMaxLength(ProductFeedItem.MaxIdLength);
        builder.Property(r => r.Reason).HasMaxLength(ProductImportRejection.MaxReasonLength);
        builder.HasIndex(r => new { r.MerchantId, r.ImportId, r.Position });
    }
}
