using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Products;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class ProductImportConfiguration : IEntityTypeConfiguration<ProductImport>
{
    public void Configure(EntityTypeBuilder<ProductImport> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(i => i.MerchantId);
        builder.Property(i => i.Source).HasConversion<string>().HasMaxLength(8);
        builder.Property(i => i.SourceName).HasMaxLength(ProductImport.MaxSourceNameLength);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Error).HasMaxLength(ProductImport.MaxErrorLength);
        builder.Property(i => i.ETag).HasMaxLength(200);
        builder.Property(i => i.LastModified).HasMaxLength(64);
        builder.HasIndex(i => new { i.MerchantId, i.StartedAt });

        // The import lease: at most one Running import per merchant, whichever app instance runs it. A second start
        // fails on this index (and is refused) unless the Running one's lease ran out (it is failed first).
        builder.HasIndex(i => i.MerchantId).IsUnique().HasFilter("[Status] = 'Running'").HasDatabaseName("IX_ProductImports_MerchantId_Running");
    }
}
