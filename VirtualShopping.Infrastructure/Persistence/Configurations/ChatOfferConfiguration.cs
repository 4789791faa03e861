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
        builder.HasIndex(o => new { o.ChatId, o.StaffMemberId }).IsUnique();
        builder.HasIndex(o => new { o.MerchantId, o.StaffMemberId, o.Status });
    }
}
