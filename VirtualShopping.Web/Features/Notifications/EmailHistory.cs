using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Notifications;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Notifications;

/// <summary>One scheduled email as the Notifications page lists it; times in the merchant's time zone.</summary>
public sealed record EmailDispatchRow(
    Guid Id,
    string Person,
    EmailKind Kind,
    string PeriodKey,
    string Period,
    EmailDispatchStatus Status,
    int Attempts,
    string? LastError,
    DateTime CreatedAt,
    DateTime? SentAt,
    DateTime? NextAttemptAt)
{
    public string KindLabel => NotificationContent.Label(Kind);

    /// <summary>Failed for good: no attempt is planned any more.</summary>
    public bool GaveUp => Status == EmailDispatchStatus.Failed && NextAttemptAt is null;
}

/// <summary>The recent scheduled emails of the current merchant, and "Retry now" for a failed one.</summary>
public sealed class EmailHistory(IDbContextFactory<VirtualShoppingDbContext> contexts, NotificationDispatcher dispatcher)
{
    public const int Shown = 50;

    public async Task<IReadOnlyList<EmailDispatchRow>> RecentAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zoneId = await db.AccountSettings.AsNoTracking().Select(s => s.TimeZoneId).FirstOrDefaultAsync(cancellationToken);
        var zone = zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var rows = await db.EmailDispatches.AsNoTracking()
            .OrderByDescending(d => d.CreatedAt)
            .Take(Shown)
            .Join(db.StaffMembers, d => d.StaffMemberId, s => s.Id, (d, s) => new { Dispatch = d, s.DisplayName })
            .ToListAsync(cancellationToken);
        DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return rows.Select(r => new EmailDispatchRow(
                r.Dispatch.Id, r.DisplayName, r.Dispatch.Kind, r.Dispatch.PeriodKey, PeriodLabel(r.Dispatch.Kind, r.Dispatch.PeriodKey, zone), r.Dispatch.Status, r.Dispatch.Attempts, r.Dispatch.LastError,
                Local(r.Dispatch.CreatedAt), r.Dispatch.SentAt is { } sent ? Local(sent) : null, r.Dispatch.NextAttemptAt is { } next ? Local(next) : null))
            .ToList();
    }

    /// <summary>The period in words, local: "29 Nov 22:30–22:35", "28 Nov 2026", "week of 23 Nov 2026", "Oct 2026".</summary>
    public static string PeriodLabel(EmailKind kind, string periodKey, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(periodKey);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return kind switch
        {
            EmailKind.MissedChats or EmailKind.LeftMessages =>
                $"{TimeZoneInfo.ConvertTime(EmailSchedule.ParseBatch(periodKey), zone).ToString("d MMM HH:mm", invariant)}–{TimeZoneInfo.ConvertTime(EmailSchedule.ParseBatch(periodKey) + EmailSchedule.BatchLength, zone).ToString("HH:mm", invariant)}",
            EmailKind.WeeklyDigest => "week of " + EmailSchedule.ParseDay(periodKey).ToString("d MMM yyyy", invariant),
            EmailKind.PerformanceReport when periodKey.Length == 7 => EmailSchedule.ParseMonth(periodKey).ToString("MMM yyyy", invariant),
            EmailKind.PerformanceReport => "week of " + EmailSchedule.ParseDay(periodKey).ToString("d MMM yyyy", invariant),
            _ => EmailSchedule.ParseDay(periodKey).ToString("d MMM yyyy", invariant),
        };
    }

    public Task<(bool Sent, string Message)> RetryNowAsync(Guid dispatchId, CancellationToken cancellationToken = default) =>
        dispatcher.RetryNowAsync(dispatchId, cancellationToken);
}
