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
        ProductFeedValuesColumns.Configure(builder);
    }
}
