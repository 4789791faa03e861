using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class ExpertConnectionConfiguration : IEntityTypeConfiguration<ExpertConnection>
{
    public void Configure(EntityTypeBuilder<ExpertConnection> builder)
    {
        builder.HasKey(c => c.ConnectionId);
        builder.Property(c => c.ConnectionId).HasMaxLength(64);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.StaffMemberId);
        builder.HasIndex(c => new { c.MerchantId, c.StaffMemberId, c.LastSeenAt });
    }
}
