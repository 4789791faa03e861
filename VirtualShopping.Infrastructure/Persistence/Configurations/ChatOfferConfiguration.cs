using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class ChatOfferConfiguration : IEntityTypeConfiguration<ChatOffer>
{
    public void Configure(EntityTypeBuilder<ChatOffer> builder)
    {
        builder.HasOne<Chat>().WithMany().HasForeignKey(o => o.ChatId);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(o => o.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(o => new { o.Status, o.ExpiresAt });
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16).HasDefaultValue(OfferKind.Routing).HasSentinel(OfferKind.Routing);
        builder.Property(o => o.RequestedByName).HasMaxLength(120);

        // Not unique: a chat moved to another department is routed again (waves count from Chat.QueuedAt), and a
        // teammate may ask the same expert to take a chat over twice. One sender per wave is decided on Chat.WavesSent.
        builder.HasIndex(o => new { o.ChatId, o.StaffMemberId });
        builder.HasIndex(o => new { o.MerchantId, o.StaffMemberId, o.Status });
    }
}
