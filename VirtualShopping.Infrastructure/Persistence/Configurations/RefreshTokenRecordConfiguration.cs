using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Infrastructure.Identity;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class RefreshTokenRecordConfiguration : IEntityTypeConfiguration<RefreshTokenRecord>
{
    public void Configure(EntityTypeBuilder<RefreshTokenRecord> builder)
    {
        builder.ToTable("RefreshTokens");
        builder.HasKey(t => t.TokenHash);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.FamilyId);
        builder.HasIndex(t => new { t.StaffMemberId, t.ExpiresAt });
    }
}
