using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class LeftMessageReplyConfiguration : IEntityTypeConfiguration<LeftMessageReply>
{
    public void Configure(EntityTypeBuilder<LeftMessageReply> builder)
    {
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.Delivery).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.Text).HasMaxLength(LeftMessageReply.MaxTextLength);
        builder.Property(r => r.AuthorName).HasMaxLength(120);
        builder.Property(r => r.LastError).HasMaxLength(500);
        builder.Property(r => r.LinkTokenHash).HasMaxLength(64);
        builder.HasIndex(r => r.LinkTokenHash).IsUnique();
    }
}
