using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class LeftMessageConfiguration : IEntityTypeConfiguration<LeftMessage>
{
    public void Configure(EntityTypeBuilder<LeftMessage> builder)
    {
        builder.HasOne<Merchant>().WithMany().HasForeignKey(m => m.MerchantId);
        builder.HasOne<Chat>().WithMany().HasForeignKey(m => m.ChatId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.Reason).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Name).HasMaxLength(Chat.MaxNameLength);
        builder.Property(m => m.Email).HasMaxLength(LeftMessage.MaxEmailLength);
        builder.Property(m => m.Phone).HasMaxLength(16);
        builder.Property(m => m.Text).HasMaxLength(LeftMessage.MaxTextLength);
        builder.Property(m => m.Language).HasMaxLength(8);
        builder.Property(m => m.PageUrl).HasMaxLength(Chat.MaxPageUrlLength);
        builder.HasMany(m => m.Replies).WithOne().HasForeignKey(r => r.LeftMessageId);
        builder.HasIndex(m => new { m.MerchantId, m.CreatedAt });
    }
}
