using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class StoreAppSettingsConfiguration : IEntityTypeConfiguration<StoreAppSettings>
{
    public void Configure(EntityTypeBuilder<StoreAppSettings> builder)
    {
        builder.HasOne<Merchant>().WithOne().HasForeignKey<StoreAppSettings>(s => s.MerchantId);
        builder.HasIndex(s => s.MerchantId).IsUnique();
    }
}
