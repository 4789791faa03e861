using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class AccountSettingsConfiguration : IEntityTypeConfiguration<AccountSettings>
{
    public void Configure(EntityTypeBuilder<AccountSettings> builder)
    {
        builder.HasOne<Merchant>().WithOne().HasForeignKey<AccountSettings>(s => s.MerchantId);
        builder.HasIndex(s => s.MerchantId).IsUnique();
        builder.Property(s => s.Currency).HasMaxLength(3);
        builder.Property(s => s.TimeZoneId).HasMaxLength(64);
        builder.Property(s => s.ProductFeedUrl).HasMaxLength(2000);
        builder.Property(s => s.ProductFeedFormat).HasConversion<string>().HasMaxLength(8);
        builder.Property(s => s.ProductFeedSchedule).HasConversion<string>().HasMaxLength(8);
        builder.Property(s => s.OutOfHoursBehaviour).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.OutOfHoursText).HasMaxLength(AccountSettings.MaxOutOfHoursTextLength);
        builder.Property(s => s.LeftMessageSenderId).HasMaxLength(16);
        builder.Property(s => s.LeftMessageExpiredUrl).HasMaxLength(2000);
    }
}
