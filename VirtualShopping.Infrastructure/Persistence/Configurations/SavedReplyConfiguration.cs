using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class SavedReplyConfiguration : IEntityTypeConfiguration<SavedReply>
{
    public void Configure(EntityTypeBuilder<SavedReply> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(r => r.MerchantId);
        builder.Property(r => r.Title).HasMaxLength(80);
        builder.Property(r => r.Shortcut).HasMaxLength(32);
        builder.Property(r => r.Language).HasMaxLength(8);
        builder.Property(r => r.Text).HasMaxLength(SavedReply.MaxTextLength);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.StaffMemberId).OnDelete(DeleteBehavior.Restrict);

        // Merchant-wide shortcuts are unique per language; a personal one only among that expert's own.
        builder.HasIndex(r => new { r.MerchantId, r.Language, r.Shortcut }).IsUnique().HasFilter("[StaffMemberId] IS NULL");
        builder.HasIndex(r => new { r.MerchantId, r.StaffMemberId, r.Language, r.Shortcut }).IsUnique().HasFilter("[StaffMemberId] IS NOT NULL");
    }
}
