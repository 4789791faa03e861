using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Settings;

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
        builder.HasIndex(r => new { r.MerchantId, r.Language, r.Shortcut }).IsUnique();
    }
}
