using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Email;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Components.Shared;

namespace VirtualShopping.Web.Features.Settings;

/// <summary>Team email notification rules: who gets missed-chat, left-message and digest emails; and a real test email.</summary>
public sealed class NotificationService(IDbContextFactory<VirtualShoppingDbContext> contexts, SmtpEmailSender email, TimeProvider clock)
{
    private const string ConflictMessage = "Someone else changed these notifications while you were editing. Reload to see their changes, then make yours again.";

    public bool EmailConfigured => email.IsConfigured;

    /// <summary>Everyone who works in the dashboard (HQ admins, store managers, support), with their choices.</summary>
    public async Task<IReadOnlyList<NotificationRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dashboardRoles = StaffRoles.HqAdmin | StaffRoles.StoreManager | StaffRoles.Support;
        var people = await db.StaffMembers.AsNoTracking()
            .Where(s => s.Status == StaffStatus.Active && (s.Roles & dashboardRoles) != StaffRoles.None)
            .OrderBy(s => s.DisplayName)
            .ToListAsync(cancellationToken);
        var subscriptions = await db.NotificationSubscriptions.AsNoTracking().ToDictionaryAsync(s => s.StaffMemberId, cancellationToken);
        return people.Select(p =>
        {
            subscriptions.TryGetValue(p.Id, out var s);
            return new NotificationRow
            {
                StaffMemberId = p.Id,
                Name = p.DisplayName,
                Email = p.Email,
                Roles = string.Join(", ", Enum.GetValues<StaffRoles>().Where(r => r != StaffRoles.None && p.Roles.HasFlag(r))),
                MissedChats = s?.MissedChats ?? false,
                LeftMessages = s?.LeftMessages ?? false,
                DailyDigest = s?.DailyDigest ?? false,
                WeeklyDigest = s?.WeeklyDigest ?? false,
                TeamDigest = s?.TeamDigest ?? false,
                PerformanceReport = s?.PerformanceReport ?? Domain.Notifications.ReportSchedule.Off,
                ManagesTeam = p.Roles.HasFlag(StaffRoles.HqAdmin) || p.Roles.HasFlag(StaffRoles.StoreManager) || p.EffectiveAccess.HasFlag(DashboardAccess.ManageTeam),
                ConcurrencyStamp = s?.ConcurrencyStamp,
            };
        }).ToList();
    }

    /// <summary>Saves every row that differs from what is stored; all or nothing.</summary>
    public async Task<SaveResult<IReadOnlyList<NotificationRow>>> SaveAsync(IReadOnlyList<NotificationRow> rows, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = rows.Select(r => r.StaffMemberId).ToList();
        var people = await db.StaffMembers.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
        if (people.Count != ids.Distinct().Count())
        {
            return SaveResult<IReadOnlyList<NotificationRow>>.Invalid(nameof(NotificationRow.StaffMemberId), "One of these people is no longer on the staff. Reload the page.");
        }

        var stored = await db.NotificationSubscriptions.Where(s => ids.Contains(s.StaffMemberId)).ToDictionaryAsync(s => s.StaffMemberId, cancellationToken);
        foreach (var row in rows)
        {
            if (!stored.TryGetValue(row.StaffMemberId, out var subscription))
            {
                if (row.ConcurrencyStamp is not null)
                {
                    return SaveResult<IReadOnlyList<NotificationRow>>.Conflict(ConflictMessage);
                }

                if (!(row.MissedChats || row.LeftMessages || row.DailyDigest || row.WeeklyDigest || row.TeamDigest || row.PerformanceReport != Domain.Notifications.ReportSchedule.Off))
                {
                    continue;
                }

                subscription = new NotificationSubscription { StaffMemberId = row.StaffMemberId };
                db.NotificationSubscriptions.Add(subscription);
            }
            else if (row.ConcurrencyStamp != subscription.ConcurrencyStamp)
            {
                return SaveResult<IReadOnlyList<NotificationRow>>.Conflict(ConflictMessage);
            }

            subscription.RecipientName = people[row.StaffMemberId];
            subscription.MissedChats = row.MissedChats;
            subscription.LeftMessages = row.LeftMessages;
            subscription.DailyDigest = row.DailyDigest;
            subscription.WeeklyDigest = row.WeeklyDigest;
            subscription.TeamDigest = row.TeamDigest && row.ManagesTeam;
            subscription.PerformanceReport = Enum.IsDefined(row.PerformanceReport) ? row.PerformanceReport : Domain.Notifications.ReportSchedule.Off;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (!DatabaseUnavailability.Explains(e))
        {
            return SaveResult<IReadOnlyList<NotificationRow>>.Conflict(ConflictMessage);
        }

        return SaveResult<IReadOnlyList<NotificationRow>>.Saved(await ListAsync(cancellationToken));
    }

    /// <summary>Sends a real test email through the configured SMTP server to one staff member.</summary>
    public async Task<(bool Sent, string Message)> SendTestAsync(Guid staffMemberId, CancellationToken cancellationToken = default)
    {
        if (!email.IsConfigured)
        {
            return (false, "Email isn't set up yet, so nothing was sent. Add the Smtp settings (host, port, sender address) to the configuration.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var person = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == staffMemberId, cancellationToken);
        if (person is null)
        {
            return (false, "This person is no longer on the staff.");
        }

        try
        {
            await email.SendAsync(new OutgoingEmail(
                person.Email,
                person.DisplayName,
                "VirtualShopping test email",
                $"Hello {person.DisplayName},\n\nThis is a test of your team's email notifications, sent {clock.GetUtcNow():d MMMM yyyy HH:mm} UTC. If you can read it, missed-chat, left-message and digest emails will reach you.\n\nVirtualShopping"),
                cancellationToken);
            return (true, $"Test email sent to {person.Email}");
        }
        catch (EmailDeliveryException ex)
        {
            return (false, ex.Message);
        }
    }
}
