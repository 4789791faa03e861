using Microsoft.Extensions.Time.Testing;
using VirtualShopping.Domain.Orders;

namespace VirtualShopping.Tests.Domain.Orders;

/// <summary><see cref="Order.Refund"/>, <see cref="Order.Cancel"/> and <see cref="Order.NetRevenue"/>: what an order is worth to the expert it credits.</summary>
public sealed class OrderRevenueTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));

    private Order NewOrder(decimal subtotal = 120.00m) => new()
    {
        ExternalId = "DO-1001",
        Currency = "GBP",
        Subtotal = subtotal,
        Total = subtotal + 6.50m,
        Shipping = 6.50m,
        PlacedAt = clock.GetUtcNow(),
        ReceivedAt = clock.GetUtcNow(),
    };

    [Fact]
    public void A_new_order_is_worth_its_subtotal_not_its_total()
    {
        var order = NewOrder();

        Assert.Equal(OrderStatus.Placed, order.Status);
        Assert.Equal(120.00m, order.NetRevenue);
    }

    [Fact]
    public void A_partial_refund_takes_only_its_amount_off_and_two_add_up()
    {
        var order = NewOrder();

        order.Refund(19.99m);
        Assert.Equal((OrderStatus.PartlyRefunded, 100.01m), (order.Status, order.NetRevenue));

        order.Refund(40.01m);
        Assert.Equal((OrderStatus.PartlyRefunded, 60.00m, 60.00m), (order.Status, order.NetRevenue, order.RefundedAmount));
    }

    [Fact]
    public void Refunds_reaching_the_subtotal_leave_nothing()
    {
        var order = NewOrder();

        order.Refund(70m);
        order.Refund(50m);

        Assert.Equal((OrderStatus.Refunded, 0m), (order.Status, order.NetRevenue));
    }

    [Fact]
    public void A_refund_above_the_subtotal_never_makes_revenue_negative()
    {
        var order = NewOrder();

        order.Refund(126.50m); // the whole total, shipping included

        Assert.Equal((OrderStatus.Refunded, 0m), (order.Status, order.NetRevenue));
        Assert.Equal(126.50m, order.RefundedAmount);
    }

    [Fact]
    public void A_refund_of_nothing_changes_nothing()
    {
        var order = NewOrder();

        order.Refund(0m);

        Assert.Equal((OrderStatus.Placed, 120.00m), (order.Status, order.NetRevenue));
    }

    [Fact]
    public void A_negative_refund_is_refused()
    {
        var order = NewOrder();

        Assert.Throws<ArgumentOutOfRangeException>(() => order.Refund(-1m));
        Assert.Equal(120.00m, order.NetRevenue);
    }

    [Fact]
    public void A_cancelled_order_is_worth_nothing_even_after_a_partial_refund()
    {
        var order = NewOrder();
        order.Refund(20m);
        clock.Advance(TimeSpan.FromDays(2));

        order.Cancel(clock.GetUtcNow());

        Assert.Equal((OrderStatus.Cancelled, 0m), (order.Status, order.NetRevenue));
        Assert.Equal(clock.GetUtcNow(), order.CancelledAt);
    }

    [Fact]
    public void A_refund_after_the_cancellation_keeps_the_order_cancelled()
    {
        var order = NewOrder();
        order.Cancel(clock.GetUtcNow());

        order.Refund(120m);

        Assert.Equal((OrderStatus.Cancelled, 0m), (order.Status, order.NetRevenue));
    }

    [Fact]
    public void A_repeated_cancellation_keeps_the_first_time()
    {
        var order = NewOrder();
        var first = clock.GetUtcNow();
        order.Cancel(first);
        clock.Advance(TimeSpan.FromHours(5));

        order.Cancel(clock.GetUtcNow());

        Assert.Equal(first, order.CancelledAt);
    }

    [Fact]
    public void Attribution_records_the_touch_rule_and_window_and_none_clears_them()
    {
        var order = NewOrder();
        var expert = Guid.NewGuid();
        var store = Guid.NewGuid();
        var chat = Guid.NewGuid();
        var touchAt = clock.GetUtcNow().AddDays(-3);
        var touch = new AttributionTouch(AttributionTouchKind.Chat, chat, touchAt, expert, store, null, chat, AttributionMatch.Email);

        order.Attribute(touch, 14, clock.GetUtcNow());

        Assert.True(order.IsAttributed);
        Assert.Equal((expert, store, chat, touchAt, AttributionMatch.Email, 14, AttributionRule.Name),
            (order.AttributedStaffMemberId!.Value, order.AttributedStoreId!.Value, order.AttributionChatId!.Value, order.AttributionTouchAt!.Value,
                order.AttributionMatch!.Value, order.AttributionWindowDays!.Value, order.AttributionRuleName));

        clock.Advance(TimeSpan.FromMinutes(1));
        order.Attribute(null, 14, clock.GetUtcNow());

        Assert.False(order.IsAttributed);
        Assert.Null(order.AttributionWindowDays);
        Assert.Equal(clock.GetUtcNow(), order.AttributedAt);
    }
}
