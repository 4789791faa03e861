namespace VirtualShopping.Domain.Orders;

/// <summary>An order's cancellation as a sender gives it (all optional): when it was cancelled.</summary>
public sealed record CancellationSubmission
{
    public DateTimeOffset? CancelledAt { get; init; }
}
