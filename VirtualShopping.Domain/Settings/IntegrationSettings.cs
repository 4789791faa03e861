using VirtualShopping.Domain.Audit;
using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Settings;

/// <summary>
/// Credentials for Zendesk (Customer Service hand-over) and Facebook Messenger. Secrets are stored
/// encrypted by the infrastructure (never in clear) and shown back only as their last characters.
/// </summary>
public sealed class IntegrationSettings : ITenantOwned, IConcurrencyStamped, IAudited
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public bool ZendeskEnabled { get; set; }

    /// <summary>The account's subdomain: "acme" for acme.zendesk.com.</summary>
    public string? ZendeskSubdomain { get; set; }

    /// <summary>The agent email the API token belongs to.</summary>
    public string? ZendeskEmail { get; set; }

    [AuditMasked]
    public string? ZendeskApiTokenProtected { get; set; }

    public string? ZendeskApiTokenHint { get; set; }

    public bool MessengerEnabled { get; set; }

    public string? MessengerPageId { get; set; }

    [AuditMasked]
    public string? MessengerAppSecretProtected { get; set; }

    public string? MessengerAppSecretHint { get; set; }

    [AuditMasked]
    public string? MessengerPageAccessTokenProtected { get; set; }

    public string? MessengerPageAccessTokenHint { get; set; }

    /// <summary>Shopify orders webhooks (orders/create, refunds/create, orders/cancelled) are taken when on.</summary>
    public bool ShopifyEnabled { get; set; }

    /// <summary>The shop's myshopify.com domain (X-Shopify-Shop-Domain), e.g. acme.myshopify.com.</summary>
    public string? ShopifyShopDomain { get; set; }

    /// <summary>The app's client secret that signs webhooks (X-Shopify-Hmac-Sha256).</summary>
    [AuditMasked]
    public string? ShopifyWebhookSecretProtected { get; set; }

    public string? ShopifyWebhookSecretHint { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public string AuditLabel => "Integrations";

    /// <summary>How a secret is shown back: its last four characters only.</summary>
    public static string HintFor(string secret) => "••••" + (secret.Length > 4 ? secret[^4..] : string.Empty);
}
