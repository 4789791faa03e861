using VirtualShopping.Domain.Orders;

namespace VirtualShopping.Web.Features.Orders;

/// <summary>An order as the order API answers it: the sender's id, amounts as JSON decimals, its state and its credit.</summary>
public sealed record OrderView(
    string Id,
    OrderSource Source,
    string Currency,
    decimal Subtotal,
    decimal? Total,
    decimal? Tax,
    decimal? Shipping,
    DateTimeOffset PlacedAt,
    DateTimeOffset ReceivedAt,
    OrderStatus Status,
    decimal RefundedAmount,
    decimal NetRevenue,
    DateTimeOffset? CancelledAt,
    OrderCreditView? Attribution)
{
    public static OrderView Of(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new OrderView(
            order.ExternalId, order.Source, order.Currency, order.Subtotal, order.Total, order.Tax, order.Shipping, order.PlacedAt, order.ReceivedAt,
            order.Status, order.RefundedAmount, order.NetRevenue, order.CancelledAt,
            order.AttributedStaffMemberId is { } expertId
                ? new OrderCreditView(expertId, order.AttributedStoreId, order.AttributionMatch, order.AttributionTouch, order.AttributionTouchAt, order.AttributionChatId, order.AttributionWindowDays, order.AttributionRuleName)
                : null);
    }
}
