namespace VirtualShopping.Domain.Orders;

/// <summary>A refund of an order as a sender gives it, unchecked; <see cref="OrderRules.ReadRefund"/> checks it.</summary>
public sealed record RefundSubmission
{
    /// <summary>The sender's refund id: a repeated delivery of it changes nothing.</summary>
    public string? Id { get; init; }

    /// <summary>The amount taken off the order's revenue (its subtotal), in the order's currency.</summary>
    public decimal? Amount { get; init; }

    public DateTimeOffset? RefundedAt { get; init; }
}
