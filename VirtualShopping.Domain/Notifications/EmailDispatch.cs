using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Notifications;

/// <summary>
/// The ledger of scheduled emails: one row per recipient, kind and period (unique), written before the email is
/// sent, so each email goes out once per period even across restarts and with two app instances. Failures are
/// retried and shown on the Notifications page.
/// </summary>
public sealed class EmailDispatch : ITenantOwned
{
    public const int MaxPeriodKeyLength = 40;
    public const int MaxErrorLength = 500;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public Guid StaffMemberId { get; set; }

    public EmailKind Kind { get; set; }

    /// <summary>Which period this email covers, e.g. "2026-11-29" for a daily digest or a batch window's start.</summary>
    public required string PeriodKey { get; set; }

    public EmailDispatchStatus Status { get; set; } = EmailDispatchStatus.Pending;

    public int Attempts { get; set; }

    /// <summary>Why the last attempt failed (no personal data).</summary>
    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}
