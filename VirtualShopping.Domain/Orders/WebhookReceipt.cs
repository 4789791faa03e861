using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Orders;

/// <summary>A webhook delivery already taken (Shopify's X-Shopify-Webhook-Id): a replay of it is refused.</summary>
public sealed class WebhookReceipt : ITenantOwned
{
    public const int MaxDeliveryIdLength = 100;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    /// <summary>"shopify".</summary>
    public required string Provider { get; set; }

    public required string DeliveryId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
