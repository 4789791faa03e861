using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Identity;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.HasOne<StaffMember>().WithOne().HasForeignKey<ApplicationUser>(u => u.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => u.MerchantId);
    }
}
