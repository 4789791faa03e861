using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.Property(s => s.DisplayName).HasMaxLength(120);
        builder.Property(s => s.Email).HasMaxLength(256);
        builder.Property(s => s.EmployeeId).HasMaxLength(32);
        builder.HasOne<Merchant>().WithMany().HasForeignKey(s => s.MerchantId);
        builder.HasIndex(s => new { s.MerchantId, s.Email }).IsUnique();
        builder.HasIndex(s => new { s.MerchantId, s.Status });
        builder.HasMany(s => s.Teams).WithMany(t => t.Members).UsingEntity("TeamMembers");
        builder.HasMany(s => s.Stores).WithMany().UsingEntity("StaffStores");
    }
}
