using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Products;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class ProductShareClickConfiguration : IEntityTypeConfiguration<ProductShareClick>
{
    public void Configure(EntityTypeBuilder<ProductShareClick> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(c => c.MerchantId);
        builder.HasOne<ProductShare>().WithMany().HasForeignKey(c => c.ShareId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.BrowserId).HasMaxLength(64).IsUnicode(false);

        builder.HasIndex(c => new { c.MerchantId, c.ShareId, c.ClickedAt });
        builder.HasIndex(c => new { c.MerchantId, c.BrowserId, c.ClickedAt });
    }
}
