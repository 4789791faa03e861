using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Orders;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(o => o.MerchantId);
        builder.Property(o => o.ExternalId).HasMaxLength(Order.MaxExternalIdLength);
        builder.Property(o => o.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Currency).HasMaxLength(3).IsUnicode(false);
        builder.Property(o => o.Subtotal).HasPrecision(18, 4);
        builder.Property(o => o.Total).HasPrecision(18, 4);
        builder.Property(o => o.Tax).HasPrecision(18, 4);
        builder.Property(o => o.Shipping).HasPrecision(18, 4);
        builder.Property(o => o.RefundedAmount).HasPrecision(18, 4);
        builder.Property(o => o.BrowserId).HasMaxLength(Order.MaxBrowserIdLength).IsUnicode(false);
        builder.Property(o => o.CustomerEmailHash).HasMaxLength(ShopperEmailHash.Length).IsUnicode(false);
        builder.Property(o => o.ShareToken).HasMaxLength(Order.MaxShareTokenLength).IsUnicode(false);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.AttributionTouch).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.AttributionMatch).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.AttributionRuleName).HasMaxLength(32);
        builder.Ignore(o => o.IsAttributed);
        builder.Ignore(o => o.NetRevenue);

        // One order per merchant and external id: a repeated delivery is stored once.
        builder.HasIndex(o => new { o.MerchantId, o.ExternalId }).IsUnique();
        builder.HasIndex(o => new { o.MerchantId, o.PlacedAt });
        builder.HasIndex(o => new { o.MerchantId, o.AttributedStaffMemberId, o.PlacedAt });

        // The conversation CSV sums each chat's attributed revenue.
        builder.HasIndex(o => new { o.MerchantId, o.AttributionChatId });
    }
}
