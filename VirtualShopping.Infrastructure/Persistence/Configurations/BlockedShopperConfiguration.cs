using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class BlockedShopperConfiguration : IEntityTypeConfiguration<BlockedShopper>
{
    public void Configure(EntityTypeBuilder<BlockedShopper> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(b => b.MerchantId);
        builder.Property(b => b.EmailHash).HasMaxLength(64);
        builder.Property(b => b.ShopperName).HasMaxLength(Chat.MaxNameLength);
        builder.Property(b => b.Reason).HasMaxLength(BlockedShopper.MaxReasonLength);
        builder.Property(b => b.BlockedByName).HasMaxLength(120);
        builder.Ignore(b => b.IsActive);

        // Starting a chat checks both: the shopper's session and the email they give.
        builder.HasIndex(b => new { b.MerchantId, b.ShopperId });
        builder.HasIndex(b => new { b.MerchantId, b.EmailHash });
    }
}
