using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Reports;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class SalesDailyRollupConfiguration : IEntityTypeConfiguration<SalesDailyRollup>
{
    public void Configure(EntityTypeBuilder<SalesDailyRollup> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(r => r.MerchantId);
        builder.Property(r => r.Currency).HasMaxLength(SalesDailyRollup.MaxCurrencyLength).IsUnicode(false);

        // Pages read a merchant's days; a rebuild deletes them.
        builder.HasIndex(r => new { r.MerchantId, r.Day });
    }
}
