using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Reports;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class SalesRollupWatermarkConfiguration : IEntityTypeConfiguration<SalesRollupWatermark>
{
    public void Configure(EntityTypeBuilder<SalesRollupWatermark> builder)
    {
        builder.HasKey(w => w.MerchantId);
        builder.HasOne<Merchant>().WithMany().HasForeignKey(w => w.MerchantId);
    }
}
