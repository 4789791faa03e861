using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class ChatSettingsConfiguration : IEntityTypeConfiguration<ChatSettings>
{
    public void Configure(EntityTypeBuilder<ChatSettings> builder)
    {
        builder.HasOne<Merchant>().WithOne().HasForeignKey<ChatSettings>(s => s.MerchantId);
        builder.HasIndex(s => s.MerchantId).IsUnique();
        builder.Property(s => s.DefaultLanguage).HasMaxLength(8);
        builder.Property(s => s.PrimaryColour).HasMaxLength(7);
        builder.Property(s => s.SecondaryColour).HasMaxLength(7);
        builder.Property(s => s.FontFamily).HasMaxLength(40);
        builder.Property(s => s.PrivacyPolicyUrl).HasMaxLength(2000);
        builder.Property(s => s.TermsUrl).HasMaxLength(2000);
        builder.Property(s => s.CustomerServiceUrl).HasMaxLength(2000);
        builder.Property(s => s.Position).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.CookieConsent).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.DisplayMode).HasConversion<string>().HasMaxLength(24);
        builder.Property(s => s.LauncherStyle).HasConversion<string>().HasMaxLength(16);
        builder.OwnsMany(s => s.Texts, texts =>
        {
            texts.ToTable("ChatTexts");
            texts.WithOwner().HasForeignKey("ChatSettingsId");
            texts.Property<int>("Id");
            texts.HasKey("Id");
            texts.Property(t => t.Language).HasMaxLength(8);
            texts.Property(t => t.Key).HasMaxLength(40);
            texts.Property(t => t.Value).HasMaxLength(1000);
        });
        builder.Navigation(s => s.Texts).AutoInclude();
    }
}
