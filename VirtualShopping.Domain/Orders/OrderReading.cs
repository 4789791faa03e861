namespace VirtualShopping.Domain.Orders;

/// <summary>A checked order: the order to store, or the problems by field (<c>id</c>, <c>currency</c>, <c>subtotal</c>...).</summary>
public sealed record OrderReading(Order? Order, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Order is not null;
}
