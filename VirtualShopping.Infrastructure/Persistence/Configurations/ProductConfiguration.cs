using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Products;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(p => p.MerchantId);
        ProductFeedValuesColumns.Configure(builder);
        builder.Ignore(p => p.EffectiveAvailability);
        builder.HasIndex(p => new { p.MerchantId, p.ExternalId }).IsUnique();
        builder.HasIndex(p => new { p.MerchantId, p.ItemGroupId });
        builder.HasIndex(p => new { p.MerchantId, p.Title });
    }
}
