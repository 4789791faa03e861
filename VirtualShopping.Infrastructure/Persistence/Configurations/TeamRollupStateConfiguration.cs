using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Reports;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class TeamRollupStateConfiguration : IEntityTypeConfiguration<TeamRollupState>
{
    public void Configure(EntityTypeBuilder<TeamRollupState> builder)
    {
        builder.HasKey(s => s.MerchantId);
        builder.HasOne<Merchant>().WithMany().HasForeignKey(s => s.MerchantId);
    }
}
