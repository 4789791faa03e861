using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class MerchantConfiguration : IEntityTypeConfiguration<Merchant>
{
    public void Configure(EntityTypeBuilder<Merchant> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.PublicWidgetKey).HasMaxLength(64);
        builder.Property(m => m.InviteCode).HasMaxLength(InviteCode.Length);
        builder.HasIndex(m => m.PublicWidgetKey).IsUnique();
        builder.HasIndex(m => m.InviteCode).IsUnique();
    }
}
