namespace VirtualShopping.Domain.Orders;

/// <summary>A checked refund: its id, amount and time, or the problems by field (<c>id</c>, <c>amount</c>, <c>refundedAt</c>).</summary>
public sealed record RefundReading(string? Id, decimal Amount, DateTimeOffset At, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
