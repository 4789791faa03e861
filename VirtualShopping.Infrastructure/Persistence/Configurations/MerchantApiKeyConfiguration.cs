using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Orders;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class MerchantApiKeyConfiguration : IEntityTypeConfiguration<MerchantApiKey>
{
    public void Configure(EntityTypeBuilder<MerchantApiKey> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(k => k.MerchantId);
        builder.Property(k => k.Name).HasMaxLength(MerchantApiKey.MaxNameLength);
        builder.Property(k => k.Prefix).HasMaxLength(32).IsUnicode(false);
        builder.Property(k => k.SecretHash).HasMaxLength(64).IsUnicode(false);
        builder.Ignore(k => k.IsActive);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.HasIndex(k => new { k.MerchantId, k.CreatedAt });
    }
}
