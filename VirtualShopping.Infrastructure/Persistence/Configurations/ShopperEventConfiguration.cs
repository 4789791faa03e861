using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Shoppers;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class ShopperEventConfiguration : IEntityTypeConfiguration<ShopperEvent>
{
    public void Configure(EntityTypeBuilder<ShopperEvent> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(e => e.MerchantId);
        builder.HasOne<Chat>().WithMany().HasForeignKey(e => e.ChatId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.PageUrl).HasMaxLength(Chat.MaxPageUrlLength);
        builder.Property(e => e.PurchaseId).HasMaxLength(ShopperEvent.MaxPurchaseIdLength);
        builder.Property(e => e.PurchaseCurrency).HasMaxLength(3);
        builder.Property(e => e.PurchaseSubtotal).HasPrecision(18, 4);
        builder.Property(e => e.PurchaseTotal).HasPrecision(18, 4);
        builder.Property(e => e.PurchaseTax).HasPrecision(18, 4);
        builder.Property(e => e.PurchaseShipping).HasPrecision(18, 4);

        // The products travel with their event as one JSON document (up to 50 per event).
        builder.OwnsMany(e => e.Products, products =>
        {
            products.ToJson();
            products.Property(p => p.Id).HasMaxLength(ShopperEventProduct.MaxIdLength);
            products.Property(p => p.Price).HasPrecision(18, 4);
        });

        // Attribution reads a shopper's events in time order, and finds an order by its id.
        builder.HasIndex(e => new { e.MerchantId, e.ShopperId, e.OccurredAt });
        builder.HasIndex(e => new { e.MerchantId, e.PurchaseId });
    }
}
