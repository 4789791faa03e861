using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class ChatAssetConfiguration : IEntityTypeConfiguration<ChatAsset>
{
    public void Configure(EntityTypeBuilder<ChatAsset> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(a => a.MerchantId);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ContentType).HasMaxLength(32);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.HasIndex(a => new { a.MerchantId, a.Kind }).IsUnique();
    }
}
