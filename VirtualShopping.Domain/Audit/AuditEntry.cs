using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Audit;

/// <summary>One change to one field of an audited row.</summary>
public sealed class AuditEntry : ITenantOwned
{
    public const int MaxValueLength = 1000;
    public const string Masked = "••••••";

    public long Id { get; set; }

    public Guid MerchantId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The staff member who made the change; null for the system (a job, the seed).</summary>
    public Guid? ActorStaffId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>The kind of row, e.g. "Store" or "StaffMember".</summary>
    public required string EntityType { get; set; }

    public Guid EntityId { get; set; }

    public required string EntityLabel { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>The field that changed, e.g. "Name" or "Address.City"; empty for created and deleted rows.</summary>
    public string Field { get; set; } = string.Empty;

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    public static string? Shorten(string? value) =>
        value is { Length: > MaxValueLength } ? value[..(MaxValueLength - 1)] + "…" : value;
}
