using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Reports;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class TeamSecondsCountConfiguration : IEntityTypeConfiguration<TeamSecondsCount>
{
    public void Configure(EntityTypeBuilder<TeamSecondsCount> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(s => s.MerchantId);
        builder.Property(s => s.Metric).HasConversion<byte>();
        builder.HasKey(s => new { s.MerchantId, s.Day, s.StaffMemberId, s.StoreId, s.DepartmentId, s.Metric, s.Seconds });
    }
}
