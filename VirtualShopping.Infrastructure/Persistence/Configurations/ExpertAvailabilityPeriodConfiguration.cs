using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class ExpertAvailabilityPeriodConfiguration : IEntityTypeConfiguration<ExpertAvailabilityPeriod>
{
    public void Configure(EntityTypeBuilder<ExpertAvailabilityPeriod> builder)
    {
        builder.ToTable("ExpertAvailabilityPeriods");
        builder.HasOne<Merchant>().WithMany().HasForeignKey(p => p.MerchantId);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(p => p.StaffMemberId).OnDelete(DeleteBehavior.Restrict);

        // At most one open period per expert, whichever instance records it first.
        builder.HasIndex(p => p.StaffMemberId).IsUnique().HasFilter("[To] IS NULL").HasDatabaseName("IX_ExpertAvailabilityPeriods_StaffMemberId_Open");
        builder.HasIndex(p => new { p.MerchantId, p.From });
        builder.HasIndex(p => new { p.MerchantId, p.To });
    }
}
