namespace VirtualShopping.Web.Features.Settings;

/// <summary>One person's email notification choices on the Notifications page.</summary>
public sealed class NotificationRow
{
    public Guid StaffMemberId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string Roles { get; set; } = string.Empty;

    public bool MissedChats { get; set; }

    public bool LeftMessages { get; set; }

    public bool DailyDigest { get; set; }

    public bool WeeklyDigest { get; set; }

    public bool TeamDigest { get; set; }

    public Domain.Notifications.ReportSchedule PerformanceReport { get; set; }

    /// <summary>Whether this person looks after the team (HQ admin, store manager, "manage team" access): the team digest is for them.</summary>
    public bool ManagesTeam { get; set; }

    /// <summary>The stamp of the saved row; null when this person has never had notifications set.</summary>
    public Guid? ConcurrencyStamp { get; set; }
}
