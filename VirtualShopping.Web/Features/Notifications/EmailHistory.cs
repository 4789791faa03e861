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
                r.Dispatch.Id, r.DisplayName, r.Dispatch.Kind, r.Dispatch.PeriodKey, r.Dispatch.Status, r.Dispatch.Attempts, r.Dispatch.LastError,
                Local(r.Dispatch.CreatedAt), r.Dispatch.SentAt is { } sent ? Local(sent) : null, r.Dispatch.NextAttemptAt is { } next ? Local(next) : null))
            .ToList();
    }

    public Task<(bool Sent, string Message)> RetryNowAsync(Guid dispatchId, CancellationToken cancellationToken = default) =>
        dispatcher.RetryNowAsync(dispatchId, cancellationToken);
}
