using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Secrets;

namespace VirtualShopping.Web.Features.Settings;

/// <summary>
/// The Integrations form. Secrets are write-only: a new value replaces the stored one, an empty field
/// keeps it, and what comes back is only a hint of the last characters.
/// </summary>
public sealed class IntegrationSettingsInput
{
    public bool ZendeskEnabled { get; set; }

    public string? ZendeskSubdomain { get; set; }

    public string? ZendeskEmail { get; set; }

    public string? NewZendeskApiToken { get; set; }

    public string? ZendeskApiTokenHint { get; set; }

    public bool MessengerEnabled { get; set; }

    public string? MessengerPageId { get; set; }

    public string? NewMessengerAppSecret { get; set; }

    public string? MessengerAppSecretHint { get; set; }

    public string? NewMessengerPageAccessToken { get; set; }

    public string? MessengerPageAccessTokenHint { get; set; }

    public bool ShopifyEnabled { get; set; }

    /// <summary>The shop's myshopify.com domain, e.g. acme.myshopify.com.</summary>
    public string? ShopifyShopDomain { get; set; }

    public string? NewShopifyWebhookSecret { get; set; }

    public string? ShopifyWebhookSecretHint { get; set; }

    public Guid? ConcurrencyStamp { get; set; }

    public static IntegrationSettingsInput From(IntegrationSettings settings, bool saved) => new()
    {
        ZendeskEnabled = settings.ZendeskEnabled,
        ZendeskSubdomain = settings.ZendeskSubdomain,
        ZendeskEmail = settings.ZendeskEmail,
        ZendeskApiTokenHint = settings.ZendeskApiTokenHint,
        MessengerEnabled = settings.MessengerEnabled,
        MessengerPageId = settings.MessengerPageId,
        MessengerAppSecretHint = settings.MessengerAppSecretHint,
        MessengerPageAccessTokenHint = settings.MessengerPageAccessTokenHint,
        ShopifyEnabled = settings.ShopifyEnabled,
        ShopifyShopDomain = settings.ShopifyShopDomain,
        ShopifyWebhookSecretHint = settings.ShopifyWebhookSecretHint,
        ConcurrencyStamp = saved ? settings.ConcurrencyStamp : null,
    };

    public void ApplyTo(IntegrationSettings settings, SecretProtector secrets)
    {
        settings.ZendeskEnabled = ZendeskEnabled;
        settings.ZendeskSubdomain = Blank(ZendeskSubdomain)?.ToLowerInvariant();
        settings.ZendeskEmail = Blank(ZendeskEmail);
        settings.MessengerEnabled = MessengerEnabled;
        settings.MessengerPageId = Blank(MessengerPageId);
        settings.ShopifyEnabled = ShopifyEnabled;
        settings.ShopifyShopDomain = Blank(ShopifyShopDomain)?.ToLowerInvariant();
        if (Blank(NewZendeskApiToken) is { } token)
        {
            settings.ZendeskApiTokenProtected = secrets.Protect(token);
            settings.ZendeskApiTokenHint = IntegrationSettings.HintFor(token);
        }

        if (Blank(NewMessengerAppSecret) is { } appSecret)
        {
            settings.MessengerAppSecretProtected = secrets.Protect(appSecret);
            settings.MessengerAppSecretHint = IntegrationSettings.HintFor(appSecret);
        }

        if (Blank(NewMessengerPageAccessToken) is { } pageToken)
        {
            settings.MessengerPageAccessTokenProtected = secrets.Protect(pageToken);
            settings.MessengerPageAccessTokenHint = IntegrationSettings.HintFor(pageToken);
        }

        if (Blank(NewShopifyWebhookSecret) is { } shopifySecret)
        {
            settings.ShopifyWebhookSecretProtected = secrets.Protect(shopifySecret);
            settings.ShopifyWebhookSecretHint = IntegrationSettings.HintFor(shopifySecret);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
