using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Shoppers;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class ShopperCartConfiguration : IEntityTypeConfiguration<ShopperCart>
{
    public void Configure(EntityTypeBuilder<ShopperCart> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(c => c.MerchantId);
        builder.OwnsMany(c => c.Lines, lines =>
        {
            lines.ToJson();
            lines.Property(l => l.Price).HasPrecision(18, 4);
        });

        // One cart per shopper: two first events racing both insert, and the loser applies its change to the winner's cart.
        builder.HasIndex(c => new { c.MerchantId, c.ShopperId }).IsUnique();
    }
}
