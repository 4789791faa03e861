using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Notifications;
using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class EmailDispatchConfiguration : IEntityTypeConfiguration<EmailDispatch>
{
    public void Configure(EntityTypeBuilder<EmailDispatch> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(d => d.MerchantId);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(d => d.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.PeriodKey).HasMaxLength(EmailDispatch.MaxPeriodKeyLength).IsUnicode(false);
        builder.Property(d => d.LastError).HasMaxLength(EmailDispatch.MaxErrorLength);

        // Once per recipient, kind and period, whichever instance gets there first.
        builder.HasIndex(d => new { d.MerchantId, d.StaffMemberId, d.Kind, d.PeriodKey }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
    }
}
