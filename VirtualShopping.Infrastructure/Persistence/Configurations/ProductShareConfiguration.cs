using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Products;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class ProductShareConfiguration : IEntityTypeConfiguration<ProductShare>
{
    public void Configure(EntityTypeBuilder<ProductShare> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(s => s.MerchantId);
        builder.HasOne<Product>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Token).HasMaxLength(ShareToken.Length).IsUnicode(false);
        builder.Property(s => s.Channel).HasConversion<string>().HasMaxLength(10);

        // Tokens are unique across merchants: /p/{token} finds its merchant from the token alone.
        builder.HasIndex(s => s.Token).IsUnique();
        builder.HasIndex(s => new { s.MerchantId, s.StaffMemberId, s.CreatedAt });
        builder.HasIndex(s => new { s.MerchantId, s.ChatId });
    }
}
