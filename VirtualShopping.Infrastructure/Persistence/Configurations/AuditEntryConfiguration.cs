using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Audit;
using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(a => a.MerchantId);
        builder.Property(a => a.ActorName).HasMaxLength(120);
        builder.Property(a => a.EntityType).HasMaxLength(60);
        builder.Property(a => a.EntityLabel).HasMaxLength(AuditEntry.MaxValueLength);
        builder.Property(a => a.Field).HasMaxLength(120);
        builder.Property(a => a.OldValue).HasMaxLength(AuditEntry.MaxValueLength);
        builder.Property(a => a.NewValue).HasMaxLength(AuditEntry.MaxValueLength);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => new { a.MerchantId, a.At });
        builder.HasIndex(a => new { a.MerchantId, a.EntityType, a.EntityId });
    }
}
