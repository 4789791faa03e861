using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> builder)
    {
        builder.HasOne<Chat>().WithMany().HasForeignKey(m => m.ChatId);
        builder.Property(m => m.Sender).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Data).HasMaxLength(8000);
        builder.Property(m => m.AuthorName).HasMaxLength(120);
        builder.Property(m => m.Text).HasMaxLength(ChatMessage.MaxTextLength);
        builder.Property(m => m.ClientMessageId).HasMaxLength(ChatMessage.MaxClientMessageIdLength);

        // The numbering within a chat is decided by the database: two writers cannot take the same number.
        builder.HasIndex(m => new { m.ChatId, m.Sequence }).IsUnique();

        // A retried send with the same client id is the same message.
        builder.HasIndex(m => new { m.ChatId, m.Sender, m.ClientMessageId }).IsUnique();
    }
}
