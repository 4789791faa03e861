using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Notifications;
using VirtualShopping.Infrastructure.Email;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Features.Notifications;

/// <summary>
/// Sends the scheduled emails exactly once per person, kind and period. Before an email goes out its ledger row
/// (<see cref="EmailDispatch"/>, unique per merchant, person, kind and period) is inserted: whoever inserts it
/// first sends; a duplicate insert means another instance or run has it. The row is marked sent once the SMTP
/// server accepted the email, or failed with the reason and the next attempt (<see cref="EmailRetryPolicy"/>).
/// Retries claim the row with a conditional update, so two instances never retry the same attempt.
/// </summary>
public sealed class NotificationDispatcher(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    MerchantScope scope,
    NotificationContent content,
    SmtpEmailSender email,
    TimeProvider clock,
    ILogger<NotificationDispatcher> logger)
{
    public const string NothingToSend = "Not sent: this person no longer receives this email, or nothing in it is left to report.";

    /// <summary>Every email of this merchant that is due now: closed batches of missed chats and left messages, digests and reports.</summary>
    public async Task RunMerchantAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        if (!email.IsConfigured)
        {
            return;
        }

        scope.Use(merchantId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var recipients = await NotificationRecipients.LoadAsync(db, null, cancellationToken);
        if (recipients.Count == 0)
        {
            return;
        }

        var merchant = await MerchantAsync(db, merchantId, cancellationToken);
        var now = clock.GetUtcNow();
        var recent = await db.EmailDispatches.AsNoTracking()
            .Where(d => d.CreatedAt >= now - TimeSpan.FromDays(3))
            .Select(d => new { d.StaffMemberId, d.Kind, d.PeriodKey, d.Status, d.CreatedAt, d.SentAt, d.NextAttemptAt })
            .ToListAsync(cancellationToken);
        var claimed = recent.Select(d => (d.StaffMemberId, d.Kind, d.PeriodKey)).ToHashSet();
        var due = new List<(NotificationRecipient Recipient, EmailKind Kind, string Key)>();

        await AddBatchesAsync(db, recipients, now, due, cancellationToken);
        foreach (var recipient in recipients)
        {
            if (EmailSchedule.DailyDue(now, merchant.TimeZone) is { } day && recipient.Wants(EmailKind.DailyDigest))
            {
                due.Add((recipient, EmailKind.DailyDigest, EmailSchedule.DayKey(day)));
            }

            if (EmailSchedule.WeeklyDue(now, merchant.TimeZone) is { } monday)
            {
                if (recipient.Wants(EmailKind.WeeklyDigest))
                {
                    due.Add((recipient, EmailKind.WeeklyDigest, EmailSchedule.DayKey(monday)));
                }

                if (recipient.Wants(EmailKind.PerformanceReport) && recipient.Subscription.PerformanceReport == ReportSchedule.Weekly)
                {
                    due.Add((recipient, EmailKind.PerformanceReport, EmailSchedule.DayKey(monday)));
                }
            }

            if (EmailSchedule.MonthlyDue(now, merchant.TimeZone) is { } month
                && recipient.Wants(EmailKind.PerformanceReport) && recipient.Subscription.PerformanceReport == ReportSchedule.Monthly)
            {
                due.Add((recipient, EmailKind.PerformanceReport, EmailSchedule.MonthKey(month)));
            }

            if (recipient.Wants(EmailKind.TeamDigest))
            {
                // The last team digest sent, or on its way (pending, or failed and still to be retried).
                var last = recent
                    .Where(d => d.StaffMemberId == recipient.Person.Id && d.Kind == EmailKind.TeamDigest
                                && (d.Status != EmailDispatchStatus.Failed || d.NextAttemptAt is not null))
                    .Select(d => d.SentAt ?? d.CreatedAt)
                    .DefaultIfEmpty()
                    .Max();
                if (EmailSchedule.TeamDigestAllowed(last == default ? null : last, now))
                {
                    due.Add((recipient, EmailKind.TeamDigest, EmailSchedule.DayKey(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, merchant.TimeZone).DateTime))));
                }
            }
        }

        foreach (var (recipient, kind, key) in due.Where(d => !claimed.Contains((d.Recipient.Person.Id, d.Kind, d.Key))))
        {
            await ClaimAndSendAsync(db, merchant, recipient, kind, key, now, cancellationToken);
        }
    }

    /// <summary>The failed emails whose next attempt is due, and those an instance claimed but never finished (its lease ran out).</summary>
    public async Task RetryDueAsync(CancellationToken cancellationToken)
    {
        if (!email.IsConfigured)
        {
            return;
        }

        var now = clock.GetUtcNow();
        List<EmailDispatch> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.EmailDispatches.IgnoreQueryFilters().AsNoTracking()
                .Where(d => (d.Status == EmailDispatchStatus.Failed || d.Status == EmailDispatchStatus.Pending) && d.NextAttemptAt != null && d.NextAttemptAt <= now)
                .OrderBy(d => d.NextAttemptAt)
                .Take(100)
                .ToListAsync(cancellationToken);
        }

        foreach (var row in due)
        {
            await RetryAsync(row, cancellationToken);
        }
    }

    /// <summary>"Retry now" on the Notifications page: one more attempt of a failed email of the current merchant.</summary>
    public async Task<(bool Sent, string Message)> RetryNowAsync(Guid dispatchId, CancellationToken cancellationToken = default)
    {
        if (!email.IsConfigured)
        {
            return (false, "Email isn't set up yet, so nothing was sent.");
        }

        EmailDispatch? row;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            row = await db.EmailDispatches.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dispatchId, cancellationToken);
        }

        if (row is null || row.Status != EmailDispatchStatus.Failed)
        {
            return (false, "This email is not waiting for a retry any more. Reload to see where it is.");
        }

        return await RetryAsync(row, cancellationToken) switch
        {
            true => (true, "Email sent"),
            false => (false, "The email still could not be sent; the reason is in the list."),
            null => (false, "Another attempt is already under way."),
        };
    }

    private static async Task AddBatchesAsync(VirtualShoppingDbContext db, IReadOnlyList<NotificationRecipient> recipients, DateTimeOffset now, List<(NotificationRecipient, EmailKind, string)> due, CancellationToken cancellationToken)
    {
        var batches = EmailSchedule.ClosedBatches(now);
        var wantMissed = recipients.Where(r => r.Wants(EmailKind.MissedChats)).ToList();
        var wantLeft = recipients.Where(r => r.Wants(EmailKind.LeftMessages)).ToList();
        if (batches.Count == 0 || (wantMissed.Count == 0 && wantLeft.Count == 0))
        {
            return;
        }

        var from = batches[0];
        var to = batches[^1] + EmailSchedule.BatchLength;
        var missed = wantMissed.Count == 0 ? [] : await db.Chats.AsNoTracking()
            .Where(c => c.Status == ChatStatus.Missed && c.EndedAt >= from && c.EndedAt < to)
            .Select(c => new { EndedAt = c.EndedAt!.Value, c.StoreId, c.DepartmentId })
            .ToListAsync(cancellationToken);
        var left = wantLeft.Count == 0 ? [] : await db.LeftMessages.AsNoTracking()
            .Where(m => m.CreatedAt >= from && m.CreatedAt < to)
            .ToListAsync(cancellationToken);
        foreach (var start in batches)
        {
            var end = start + EmailSchedule.BatchLength;
            var missedNow = missed.Where(c => c.EndedAt >= start && c.EndedAt < end).ToList();
            var leftNow = left.Where(m => m.CreatedAt >= start && m.CreatedAt < end).ToList();
            due.AddRange(wantMissed.Where(r => missedNow.Any(c => r.SeesMissedChat(c.StoreId, c.DepartmentId)))
                .Select(r => (r, EmailKind.MissedChats, EmailSchedule.BatchKey(start))));
            due.AddRange(wantLeft.Where(r => leftNow.Any(r.AnswersLeftMessage))
                .Select(r => (r, EmailKind.LeftMessages, EmailSchedule.BatchKey(start))));
        }
    }

    private async Task ClaimAndSendAsync(
        VirtualShoppingDbContext db, MerchantMailContext merchant, NotificationRecipient recipient, EmailKind kind, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var message = await content.ComposeAsync(db, merchant, recipient, kind, key, now, cancellationToken);
        if (message is null)
        {
            return;
        }

        var row = new EmailDispatch
        {
            MerchantId = merchant.MerchantId,
            StaffMemberId = recipient.Person.Id,
            Kind = kind,
            PeriodKey = key,
            Status = EmailDispatchStatus.Pending,
            Attempts = 1,
            CreatedAt = now,
            NextAttemptAt = now + EmailRetryPolicy.Lease,
        };
        await using (var claim = await contexts.CreateDbContextAsync(cancellationToken))
        {
            claim.EmailDispatches.Add(row);
            try
            {
                await claim.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (!DatabaseUnavailability.Explains(e))
            {
                return; // another instance (or run) inserted this email first: it sends it
            }
        }

        await SendAsync(row.Id, 1, message, kind);
    }

    /// <returns>True when sent, false when it failed, null when another instance claimed this attempt first.</returns>
    private async Task<bool?> RetryAsync(EmailDispatch row, CancellationToken cancellationToken)
    {
        scope.Use(row.MerchantId);
        var now = clock.GetUtcNow();
        var attempt = row.Attempts + 1;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.EmailDispatches
            .Where(d => d.Id == row.Id && d.Status == row.Status && d.Attempts == row.Attempts)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, EmailDispatchStatus.Pending).SetProperty(d => d.Attempts, attempt)
                    .SetProperty(d => d.NextAttemptAt, (DateTimeOffset?)(now + EmailRetryPolicy.Lease)),
                cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        var recipient = await NotificationRecipients.LoadAsync(db, row.StaffMemberId, cancellationToken) is [var one, ..] ? one : null;
        var merchant = await MerchantAsync(db, row.MerchantId, cancellationToken);
        var message = recipient is not null && recipient.Wants(row.Kind)
            ? await content.ComposeAsync(db, merchant, recipient, row.Kind, row.PeriodKey, row.CreatedAt, cancellationToken)
            : null;
        if (message is null)
        {
            await db.EmailDispatches.Where(d => d.Id == row.Id && d.Attempts == attempt).ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, EmailDispatchStatus.Failed).SetProperty(d => d.NextAttemptAt, (DateTimeOffset?)null).SetProperty(d => d.LastError, NothingToSend),
                CancellationToken.None);
            return false;
        }

        return await SendAsync(row.Id, attempt, message, row.Kind);
    }

    private async Task<bool> SendAsync(Guid dispatchId, int attempt, OutgoingEmail message, EmailKind kind)
    {
        string? error = null;
        try
        {
            await email.SendAsync(message, CancellationToken.None);
        }
        catch (EmailDeliveryException e)
        {
            error = EmailRetryPolicy.CleanError(e.Message);
        }

        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var row = db.EmailDispatches.Where(d => d.Id == dispatchId && d.Attempts == attempt);
        if (error is null)
        {
            await row.ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, EmailDispatchStatus.Sent).SetProperty(d => d.SentAt, now)
                    .SetProperty(d => d.NextAttemptAt, (DateTimeOffset?)null).SetProperty(d => d.LastError, (string?)null),
                CancellationToken.None);
            return true;
        }

        var next = EmailRetryPolicy.NextAttemptAfterFailure(attempt, now);
        await row.ExecuteUpdateAsync(
            s => s.SetProperty(d => d.Status, EmailDispatchStatus.Failed).SetProperty(d => d.NextAttemptAt, next).SetProperty(d => d.LastError, error),
            CancellationToken.None);
        NotificationEmailLog.SendFailed(logger, kind, dispatchId, attempt, next is not null);
        return false;
    }

    private static async Task<MerchantMailContext> MerchantAsync(VirtualShoppingDbContext db, Guid merchantId, CancellationToken cancellationToken)
    {
        var name = await db.Merchants.AsNoTracking().Where(m => m.Id == merchantId).Select(m => m.Name).SingleAsync(cancellationToken);
        var settings = await db.AccountSettings.AsNoTracking().Select(s => new { s.TimeZoneId, s.Currency }).FirstOrDefaultAsync(cancellationToken);
        var zone = settings is not null && TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        return new MerchantMailContext(merchantId, name, zone, settings?.Currency ?? "GBP");
    }
}
