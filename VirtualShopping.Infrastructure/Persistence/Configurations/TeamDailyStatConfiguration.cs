using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Reports;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class TeamDailyStatConfiguration : IEntityTypeConfiguration<TeamDailyStat>
{
    public void Configure(EntityTypeBuilder<TeamDailyStat> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(s => s.MerchantId);
        builder.Property(s => s.AttributedRevenue).HasPrecision(18, 4);
        builder.HasKey(s => new { s.MerchantId, s.Day, s.StaffMemberId, s.StoreId, s.DepartmentId });
    }
}
