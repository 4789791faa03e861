using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Orders;

/// <summary>
/// A shopper's order on the merchant's site, received from the widget, the order API or a Shopify webhook; stored once
/// per merchant and <see cref="ExternalId"/>. Amounts are decimals in <see cref="Currency"/> (never floats). Once
/// received it is attributed (<see cref="AttributionRule"/>): the Attributed* fields say which touch, match and window
/// credited it, or stay empty for an unattributed order. Refunds and a cancellation lower <see cref="NetRevenue"/>.
/// </summary>
public sealed class Order : ITenantOwned
{
    public const int MaxExternalIdLength = 100;
    public const int MaxBrowserIdLength = 64;
    public const int MaxShareTokenLength = 32;

    /// <summary>Amounts stop below a billion and have at most four decimals.</summary>
    public const decimal MaxAmount = MoneyAmount.Max;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    /// <summary>The merchant's order id (unique per merchant): a repeated delivery of it is stored once.</summary>
    public required string ExternalId { get; set; }

    public OrderSource Source { get; set; }

    /// <summary>ISO 4217, kept per order.</summary>
    public required string Currency { get; set; }

    /// <summary>Before tax and shipping: the revenue attribution counts.</summary>
    public decimal Subtotal { get; set; }

    public decimal? Total { get; set; }

    public decimal? Tax { get; set; }

    public decimal? Shipping { get; set; }

    /// <summary>When the shopper placed it (the sender's time, or when it arrived if the sender gave none).</summary>
    public DateTimeOffset PlacedAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The widget session's shopper id, when known (widget orders, or the API's shopperId).</summary>
    public Guid? ShopperId { get; set; }

    /// <summary>The share link's browser id (vs_browser cookie), when the sender passed it.</summary>
    public string? BrowserId { get; set; }

    /// <summary><see cref="ShopperEmailHash"/> of the order's email, when given; the address itself is not stored.</summary>
    public string? CustomerEmailHash { get; set; }

    /// <summary>A share link token the order carried (utm_content), when any.</summary>
    public string? ShareToken { get; set; }

    public OrderStatus Status { get; set; } = OrderStatus.Placed;

    /// <summary>The sum of refunds so far (never above <see cref="Subtotal"/> in what it takes off revenue).</summary>
    public decimal RefundedAmount { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>When attribution last ran for this order (null: not yet).</summary>
    public DateTimeOffset? AttributedAt { get; set; }

    /// <summary>The expert credited, or null for an unattributed order.</summary>
    public Guid? AttributedStaffMemberId { get; set; }

    public Guid? AttributedStoreId { get; set; }

    /// <summary>The department of the credited chat (or of the chat the shared product was sent in).</summary>
    public Guid? AttributedDepartmentId { get; set; }

    public AttributionTouchKind? AttributionTouch { get; set; }

    /// <summary>The chat's id or the click's id.</summary>
    public Guid? AttributionTouchId { get; set; }

    public DateTimeOffset? AttributionTouchAt { get; set; }

    /// <summary>The conversation to open from the order: the credited chat, or the chat the shared product was sent in.</summary>
    public Guid? AttributionChatId { get; set; }

    public AttributionMatch? AttributionMatch { get; set; }

    /// <summary>The window, in days, that was in force when the order was credited.</summary>
    public int? AttributionWindowDays { get; set; }

    /// <summary><see cref="AttributionRule.Name"/> at the time.</summary>
    public string? AttributionRuleName { get; set; }

    public bool IsAttributed => AttributedStaffMemberId is not null;

    /// <summary>What the order is worth now: the subtotal less refunds, nothing once cancelled.</summary>
    public decimal NetRevenue => Status == OrderStatus.Cancelled ? 0m : Math.Max(0m, Subtotal - RefundedAmount);

    /// <summary>Records the credit (or clears it when <paramref name="touch"/> is null).</summary>
    public void Attribute(AttributionTouch? touch, int windowDays, DateTimeOffset now)
    {
        AttributedAt = now;
        AttributedStaffMemberId = touch?.StaffMemberId;
        AttributedStoreId = touch?.StoreId;
        AttributedDepartmentId = touch?.DepartmentId;
        AttributionTouch = touch?.Kind;
        AttributionTouchId = touch?.TouchId;
        AttributionTouchAt = touch?.At;
        AttributionChatId = touch?.ChatId;
        AttributionMatch = touch?.Match;
        AttributionWindowDays = touch is null ? null : windowDays;
        AttributionRuleName = touch is null ? null : AttributionRule.Name;
    }

    /// <summary>Takes a refund off the order: partly refunded until the refunds reach the subtotal.</summary>
    public void Refund(decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        RefundedAmount += amount;
        if (Status != OrderStatus.Cancelled)
        {
            Status = RefundedAmount >= Subtotal ? OrderStatus.Refunded : RefundedAmount > 0 ? OrderStatus.PartlyRefunded : OrderStatus.Placed;
        }
    }

    public void Cancel(DateTimeOffset at)
    {
        Status = OrderStatus.Cancelled;
        CancelledAt ??= at;
    }
}
