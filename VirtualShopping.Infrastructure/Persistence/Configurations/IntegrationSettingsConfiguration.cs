using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Infrastructure.Persistence.Configurations;

internal sealed class IntegrationSettingsConfiguration : IEntityTypeConfiguration<IntegrationSettings>
{
    public void Configure(EntityTypeBuilder<IntegrationSettings> builder)
    {
        builder.HasOne<Merchant>().WithOne().HasForeignKey<IntegrationSettings>(s => s.MerchantId);
        builder.HasIndex(s => s.MerchantId).IsUnique();
        builder.Property(s => s.ZendeskSubdomain).HasMaxLength(63);
        builder.Property(s => s.ZendeskEmail).HasMaxLength(256);
        builder.Property(s => s.ZendeskApiTokenProtected).HasMaxLength(2000);
        builder.Property(s => s.ZendeskApiTokenHint).HasMaxLength(16);
        builder.Property(s => s.MessengerPageId).HasMaxLength(32);
        builder.Property(s => s.MessengerAppSecretProtected).HasMaxLength(2000);
        builder.Property(s => s.MessengerAppSecretHint).HasMaxLength(16);
        builder.Property(s => s.MessengerPageAccessTokenProtected).HasMaxLength(4000);
        builder.Property(s => s.MessengerPageAccessTokenHint).HasMaxLength(16);
        builder.Property(s => s.ShopifyShopDomain).HasMaxLength(255);
        builder.Property(s => s.ShopifyWebhookSecretProtected).HasMaxLength(2000);
        builder.Property(s => s.ShopifyWebhookSecretHint).HasMaxLength(16);
    }
}
