using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Orders;

/// <summary>A refund or cancellation of an order, stored once per order, kind and <see cref="ExternalId"/> (a repeated delivery changes nothing).</summary>
public sealed class OrderAdjustment : ITenantOwned
{
    public const int MaxExternalIdLength = 100;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public Guid OrderId { get; set; }

    public OrderAdjustmentKind Kind { get; set; }

    /// <summary>The refund's id from the sender; for a cancellation, "cancel".</summary>
    public required string ExternalId { get; set; }

    /// <summary>The refunded amount in the order's currency (0 for a cancellation).</summary>
    public decimal Amount { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public OrderSource Source { get; set; }
}
