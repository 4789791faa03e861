using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Orders;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class WebhookReceiptConfiguration : IEntityTypeConfiguration<WebhookReceipt>
{
    public void Configure(EntityTypeBuilder<WebhookReceipt> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(r => r.MerchantId);
        builder.Property(r => r.Provider).HasMaxLength(16).IsUnicode(false);
        builder.Property(r => r.DeliveryId).HasMaxLength(WebhookReceipt.MaxDeliveryIdLength);
        builder.HasIndex(r => new { r.MerchantId, r.Provider, r.DeliveryId }).IsUnique();
        builder.HasIndex(r => new { r.MerchantId, r.ReceivedAt });
    }
}
