using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(80);
        builder.HasOne<Merchant>().WithMany().HasForeignKey(t => t.MerchantId);
        builder.HasOne(t => t.Store).WithMany(s => s.Teams).HasForeignKey(t => t.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Departments).WithMany(d => d.Teams).UsingEntity("TeamDepartments");
        builder.HasIndex(t => new { t.MerchantId, t.StoreId, t.Name }).IsUnique();
    }
}
