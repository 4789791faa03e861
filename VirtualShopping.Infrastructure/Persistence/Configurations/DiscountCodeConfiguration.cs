using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Products;
using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class DiscountCodeConfiguration : IEntityTypeConfiguration<DiscountCode>
{
    public void Configure(EntityTypeBuilder<DiscountCode> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(d => d.MerchantId);
        builder.Property(d => d.Code).HasMaxLength(DiscountCode.MaxCodeLength);
        builder.Property(d => d.Description).HasMaxLength(DiscountCode.MaxDescriptionLength);
        builder.Property(d => d.ApplyUrlPattern).HasMaxLength(SafeUrl.MaxLength);

        // One row per code and merchant, archived ones included: an archived code keeps its name.
        builder.HasIndex(d => new { d.MerchantId, d.Code }).IsUnique();
    }
}
