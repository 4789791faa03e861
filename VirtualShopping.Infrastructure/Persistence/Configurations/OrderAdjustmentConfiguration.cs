using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Orders;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class OrderAdjustmentConfiguration : IEntityTypeConfiguration<OrderAdjustment>
{
    public void Configure(EntityTypeBuilder<OrderAdjustment> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(a => a.MerchantId);
        builder.HasOne<Order>().WithMany().HasForeignKey(a => a.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ExternalId).HasMaxLength(OrderAdjustment.MaxExternalIdLength);
        builder.Property(a => a.Amount).HasPrecision(18, 4);
        builder.HasIndex(a => new { a.MerchantId, a.OrderId, a.Kind, a.ExternalId }).IsUnique();
    }
}
