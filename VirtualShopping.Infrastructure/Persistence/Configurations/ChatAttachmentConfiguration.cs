using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class ChatAttachmentConfiguration : IEntityTypeConfiguration<ChatAttachment>
{
    public void Configure(EntityTypeBuilder<ChatAttachment> builder)
    {
        builder.HasOne<Chat>().WithMany().HasForeignKey(a => a.ChatId);
        builder.Property(a => a.Sender).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ContentType).HasMaxLength(64);
        builder.Property(a => a.FileName).HasMaxLength(ChatAttachment.MaxFileNameLength);
        builder.Property(a => a.StorageKey).HasMaxLength(200);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Ignore(a => a.IsVideo);
        builder.Ignore(a => a.Caption);
        builder.HasIndex(a => a.StorageKey).IsUnique();
    }
}
