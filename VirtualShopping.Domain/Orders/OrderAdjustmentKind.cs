namespace VirtualShopping.Domain.Orders;

public enum OrderAdjustmentKind
{
    Refund = 0,
    Cancellation = 1,
}
