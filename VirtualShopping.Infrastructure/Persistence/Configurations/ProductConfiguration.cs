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

        // The product picker's search (issue 12): every column it matches and orders by, so a search reads this narrow
        // index instead of the table with its long descriptions (SQLite: a covering index scan, about ten times faster).
        builder.HasIndex(p => new { p.MerchantId, p.InFeed, p.Title, p.Brand, p.Gtin, p.ExternalId, p.Id }).HasDatabaseName("IX_Products_Search");
    }
}
