using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Products;
using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class ProductFavouriteConfiguration : IEntityTypeConfiguration<ProductFavourite>
{
    public void Configure(EntityTypeBuilder<ProductFavourite> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(f => f.MerchantId);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(f => f.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(f => f.ProductId).OnDelete(DeleteBehavior.Restrict);

        // One star per expert and product; the picker reads an expert's stars by this index.
        builder.HasIndex(f => new { f.MerchantId, f.StaffMemberId, f.ProductId }).IsUnique();
    }
}
