using VirtualShopping.Domain.Audit;
using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Settings;

/// <summary>Which team emails one staff member receives: missed chats, left messages, daily, weekly and team digests, the performance report.</summary>
public sealed class NotificationSubscription : ITenantOwned, IConcurrencyStamped, IAudited
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public Guid StaffMemberId { get; set; }

    public bool MissedChats { get; set; }

    public bool LeftMessages { get; set; }

    public bool DailyDigest { get; set; }

    public bool WeeklyDigest { get; set; }

    /// <summary>The team digest (people waiting for approval, the team's last 48 hours), at most once every 48 hours.</summary>
    public bool TeamDigest { get; set; }

    /// <summary>The expert performance report by email: off, weekly or monthly.</summary>
    public Notifications.ReportSchedule PerformanceReport { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>Set by whoever loads the row, for the audit log; not stored.</summary>
    public string RecipientName { get; set; } = "staff member";

    public string AuditLabel => $"Email notifications for {RecipientName}";
}
