namespace VirtualShopping.Domain.Orders;

/// <summary>An order's state after its refunds and cancellation.</summary>
public enum OrderStatus
{
    Placed = 0,
    PartlyRefunded = 1,
    Refunded = 2,
    Cancelled = 3,
}
