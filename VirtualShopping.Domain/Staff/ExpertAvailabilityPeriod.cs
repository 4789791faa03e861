using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Staff;

/// <summary>
/// A period an expert was available for chats: opened when they go available, closed (<see cref="To"/>) when they go
/// unavailable for any reason (the switch, declines or missed offers in a row, losing access). At most one open
/// period per expert. The team performance report's available hours come from these.
/// </summary>
public sealed class ExpertAvailabilityPeriod : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public Guid StaffMemberId { get; set; }

    public DateTimeOffset From { get; set; }

    /// <summary>When the expert went unavailable; null while they still are available.</summary>
    public DateTimeOffset? To { get; set; }
}
