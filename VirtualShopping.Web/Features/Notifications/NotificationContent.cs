using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Notifications;
using VirtualShopping.Domain.Reports;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Email;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Operations;
using VirtualShopping.Web.Features.Reports;

namespace VirtualShopping.Web.Features.Notifications;

/// <summary>
/// Writes each scheduled email from the data of its period alone (kind + period key), so a retry writes the same
/// email again. Null when there is nothing to tell this person (nothing they may see happened).
/// </summary>
public sealed class NotificationContent(UnsubscribeLinks unsubscribe, IOptions<PublicAppOptions> app, IServiceProvider services)
{
    public static string Label(EmailKind kind) => kind switch
    {
        EmailKind.MissedChats => "Missed chats",
        EmailKind.LeftMessages => "Left messages",
        EmailKind.DailyDigest => "Daily digest",
        EmailKind.WeeklyDigest => "Weekly digest",
        EmailKind.TeamDigest => "Team digest",
        EmailKind.PerformanceReport => "Performance report",
        _ => kind.ToString(),
    };

    /// <param name="createdAt">When the ledger row was written: the team digest covers the 48 hours before it.</param>
    public Task<OutgoingEmail?> ComposeAsync(
        VirtualShoppingDbContext db, MerchantMailContext merchant, NotificationRecipient recipient, EmailKind kind, string periodKey,
        DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return kind switch
        {
            EmailKind.MissedChats => MissedChatsAsync(db, merchant, recipient, EmailSchedule.ParseBatch(periodKey), cancellationToken),
            EmailKind.LeftMessages => LeftMessagesAsync(db, merchant, recipient, EmailSchedule.ParseBatch(periodKey), cancellationToken),
            EmailKind.DailyDigest => DigestAsync(db, merchant, recipient, kind, EmailSchedule.ParseDay(periodKey), EmailSchedule.ParseDay(periodKey), cancellationToken),
            EmailKind.WeeklyDigest => DigestAsync(db, merchant, recipient, kind, EmailSchedule.ParseDay(periodKey), EmailSchedule.ParseDay(periodKey).AddDays(6), cancellationToken),
            EmailKind.TeamDigest => TeamDigestAsync(db, merchant, recipient, createdAt, cancellationToken),
            EmailKind.PerformanceReport => PerformanceReportAsync(merchant, recipient, periodKey, cancellationToken),
            _ => Task.FromResult<OutgoingEmail?>(null),
        };
    }

    /// <summary>The period a performance report covers: "2026-11-16" a week from that Monday, "2026-10" a month.</summary>
    public static (DateOnly From, DateOnly To) ReportPeriodOf(string periodKey) =>
        periodKey.Length == 7
            ? (EmailSchedule.ParseMonth(periodKey), EmailSchedule.ParseMonth(periodKey).AddMonths(1).AddDays(-1))
            : (EmailSchedule.ParseDay(periodKey), EmailSchedule.ParseDay(periodKey).AddDays(6));

    private async Task<OutgoingEmail?> MissedChatsAsync(VirtualShoppingDbContext db, MerchantMailContext merchant, NotificationRecipient recipient, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var end = start + EmailSchedule.BatchLength;
        var chats = (await db.Chats.AsNoTracking()
                .Where(c => c.Status == ChatStatus.Missed && c.EndedAt >= start && c.EndedAt < end)
                .Select(c => new { c.Id, c.ShopperId, c.ShopperName, c.DepartmentId, c.StoreId, c.StartedAt, c.EndedAt, c.PageUrl })
                .ToListAsync(cancellationToken))
            .Where(c => recipient.SeesMissedChat(c.StoreId, c.DepartmentId))
            .OrderBy(c => c.StartedAt)
            .ToList();
        if (chats.Count == 0)
        {
            return null;
        }

        var departments = await DepartmentNamesAsync(db, cancellationToken);
        var window = $"{Time(start, merchant)}–{Time(end, merchant)}";
        var body = new EmailBody(EmailBody.Count(chats.Count, "missed chat", "missed chats"))
            .Paragraph($"Between {window} ({merchant.TimeZone.Id}) {(chats.Count == 1 ? "this chat" : "these chats")} ran out of time before anyone claimed {(chats.Count == 1 ? "it" : "them")}. Shoppers may have left a message.")
            .Table(
                ["Started", "Shopper", "Department", "Waited", "Page"],
                chats.Select(c => (IReadOnlyList<string>)
                [
                    Time(c.StartedAt, merchant),
                    InboxQueries.ShopperLabel(c.ShopperId, c.ShopperName),
                    departments.GetValueOrDefault(c.DepartmentId, "–"),
                    EmailBody.Duration((c.EndedAt ?? c.StartedAt) - c.StartedAt),
                    c.PageUrl ?? "–",
                ]))
            .Link("Open the inbox", app.Value.LinkTo("inbox"));
        return Finish(body, merchant, recipient, EmailKind.MissedChats, $"{EmailBody.Count(chats.Count, "missed chat", "missed chats")}, {window}");
    }

    private async Task<OutgoingEmail?> LeftMessagesAsync(VirtualShoppingDbContext db, MerchantMailContext merchant, NotificationRecipient recipient, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var end = start + EmailSchedule.BatchLength;
        var messages = (await db.LeftMessages.AsNoTracking()
                .Where(m => m.CreatedAt >= start && m.CreatedAt < end)
                .ToListAsync(cancellationToken))
            .Where(recipient.AnswersLeftMessage)
            .OrderBy(m => m.CreatedAt)
            .ToList();
        if (messages.Count == 0)
        {
            return null;
        }

        var departments = await DepartmentNamesAsync(db, cancellationToken);
        var window = $"{Time(start, merchant)}–{Time(end, merchant)}";
        var body = new EmailBody(EmailBody.Count(messages.Count, "new left message", "new left messages"))
            .Paragraph($"Shoppers left {(messages.Count == 1 ? "this message" : "these messages")} between {window} ({merchant.TimeZone.Id}). Answer by email or SMS from the dashboard.")
            .Table(
                ["Received", "From", "Department", "Message"],
                messages.Select(m => (IReadOnlyList<string>)
                [
                    Time(m.CreatedAt, merchant),
                    m.Name,
                    m.DepartmentId is { } d ? departments.GetValueOrDefault(d, "–") : "Any",
                    m.Text.Length > 140 ? m.Text[..140] + "…" : m.Text,
                ]))
            .Link("Answer in Left messages", app.Value.LinkTo("left-messages"));
        return Finish(body, merchant, recipient, EmailKind.LeftMessages, $"{EmailBody.Count(messages.Count, "new left message", "new left messages")}, {window}");
    }

    private async Task<OutgoingEmail?> DigestAsync(
        VirtualShoppingDbContext db, MerchantMailContext merchant, NotificationRecipient recipient, EmailKind kind, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var range = new ReportRange(from, to, merchant.TimeZone);
        var figures = await DigestFigures.ComputeAsync(db, recipient, range.Start, range.End, merchant.Currency, cancellationToken);
        var days = from == to
            ? from.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)
            : $"{from.ToString("d MMMM", CultureInfo.InvariantCulture)} – {to.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";
        var scope = recipient.Reports.AllStores ? "All stores" : EmailBody.Count(recipient.Reports.StoreIds.Count, "store", "stores") + " (yours)";
        var body = new EmailBody($"{Label(kind)}: {days}")
            .Paragraph($"{merchant.Name} · {scope} · times in {merchant.TimeZone.Id}")
            .Subheading("Chats")
            .Facts(
            [
                ("Chats", figures.Chats.ToString(CultureInfo.InvariantCulture)),
                ("Claimed", figures.Claimed.ToString(CultureInfo.InvariantCulture)),
                ("Missed", $"{figures.Missed} ({EmailBody.Percent(figures.MissedRate)})"),
                ("Median claim time", EmailBody.Duration(figures.MedianClaimTime)),
                ("Ratings", figures.Ratings == 0 ? "none" : $"{figures.Ratings}, average {figures.RatingAverage?.ToString("0.0", CultureInfo.InvariantCulture)} of 5, CSAT {EmailBody.Percent(figures.Csat)} (4 or 5 stars)"),
            ])
            .Subheading("Left messages")
            .Facts([("Received", figures.LeftMessages.ToString(CultureInfo.InvariantCulture)), ("Answered", figures.LeftMessagesAnswered.ToString(CultureInfo.InvariantCulture))])
            .Subheading("Online sales attributed to your team")
            .Facts(
            [
                ("Orders", figures.Orders.ToString(CultureInfo.InvariantCulture)),
                ("Revenue", EmailBody.Money(figures.Revenue, merchant.Currency)),
            ]);
        if (figures.OtherCurrencyOrders > 0)
        {
            body.Paragraph($"{EmailBody.Count(figures.OtherCurrencyOrders, "order", "orders")} in other currencies {(figures.OtherCurrencyOrders == 1 ? "is" : "are")} not included in revenue.");
        }

        body.Link("Open the reports", app.Value.LinkTo($"reports?from={EmailSchedule.DayKey(from)}&to={EmailSchedule.DayKey(to)}"));
        return Finish(body, merchant, recipient, kind, $"{Label(kind)}: {days}");
    }

    private async Task<OutgoingEmail?> TeamDigestAsync(VirtualShoppingDbContext db, MerchantMailContext merchant, NotificationRecipient recipient, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var since = asOf - EmailSchedule.TeamDigestGap;
        var waiting = await db.StaffMembers.AsNoTracking()
            .Where(s => s.Status == StaffStatus.PendingApproval)
            .OrderBy(s => s.CreatedAt)
            .Select(s => new { s.DisplayName, s.CreatedAt, Stores = s.Stores.Select(x => x.Id).ToList(), TeamStores = s.Teams.Select(t => t.StoreId).ToList() })
            .ToListAsync(cancellationToken);
        var applicants = waiting.Where(w => recipient.SeesApplicant([.. w.Stores, .. w.TeamStores])).ToList();

        var chats = (await db.Chats.AsNoTracking()
                .Where(c => c.StartedAt >= since && c.StartedAt < asOf)
                .Select(c => new { c.StoreId, c.DepartmentId, c.Status, c.ExpertId, c.ExpertName })
                .ToListAsync(cancellationToken))
            .Where(c => recipient.Reports.Sees(c.StoreId) || (c.Status == ChatStatus.Missed && recipient.SeesMissedChat(c.StoreId, c.DepartmentId)))
            .ToList();
        var unanswered = (await db.LeftMessages.AsNoTracking().Where(m => m.AnsweredAt == null).ToListAsync(cancellationToken))
            .Count(recipient.AnswersLeftMessage);
        if (applicants.Count == 0 && chats.Count == 0 && unanswered == 0)
        {
            return null;
        }

        var body = new EmailBody("Your team, the last 48 hours")
            .Paragraph($"{merchant.Name} · {Time(since, merchant, withDay: true)} – {Time(asOf, merchant, withDay: true)} ({merchant.TimeZone.Id})");
        body.Subheading("Waiting for your approval");
        if (applicants.Count == 0)
        {
            body.Paragraph("Nobody is waiting to join.");
        }
        else
        {
            body.Table(["Name", "Asked on"], applicants.Select(a => (IReadOnlyList<string>)[a.DisplayName, Time(a.CreatedAt, merchant, withDay: true)]))
                .Link("Approve or reject in Teams & staff", app.Value.LinkTo("staff"));
        }

        var missed = chats.Count(c => c.Status == ChatStatus.Missed);
        body.Subheading("Chats")
            .Facts(
            [
                ("Chats", chats.Count.ToString(CultureInfo.InvariantCulture)),
                ("Missed", $"{missed} ({EmailBody.Percent(chats.Count == 0 ? null : (double)missed / chats.Count)})"),
                ("Left messages waiting for an answer", unanswered.ToString(CultureInfo.InvariantCulture)),
            ]);
        var experts = chats.Where(c => c.ExpertId is not null).GroupBy(c => c.ExpertName ?? "Expert")
            .Select(g => (IReadOnlyList<string>)[g.Key, g.Count().ToString(CultureInfo.InvariantCulture)])
            .OrderBy(r => r[0], StringComparer.CurrentCulture).ToList();
        if (experts.Count > 0)
        {
            body.Table(["Expert", "Chats claimed"], experts);
        }

        var subject = applicants.Count > 0
            ? $"Team digest: {EmailBody.Count(applicants.Count, "person waits", "people wait")} for approval"
            : $"Team digest: {EmailBody.Count(chats.Count, "chat", "chats")} in 48 hours";
        return Finish(body, merchant, recipient, EmailKind.TeamDigest, subject);
    }

    private async Task<OutgoingEmail?> PerformanceReportAsync(MerchantMailContext merchant, NotificationRecipient recipient, string periodKey, CancellationToken cancellationToken)
    {
        if (services.GetService<ITeamPerformanceSource>() is not { } source)
        {
            return null;
        }

        var (from, to) = ReportPeriodOf(periodKey);
        var experts = await source.ExpertsAsync(recipient.Reports, new ReportFilter(from, to), cancellationToken);
        if (experts.Count == 0)
        {
            return null;
        }

        var header = new[] { "Expert", "Offered", "Claimed", "Missed", "Missed rate", "Declined", "Median claim", "P90 claim", "Median first response", "P90 first response", "Median duration", "Ratings", "Average rating", "Available", "Orders", "Revenue" };
        var rows = experts.Select(e => (IReadOnlyList<string>)
        [
            e.Name, Number(e.Offered), Number(e.Claimed), Number(e.Missed), EmailBody.Percent(e.MissedRate), Number(e.Declined),
            EmailBody.Duration(e.ClaimTimeMedian), EmailBody.Duration(e.ClaimTimeP90), EmailBody.Duration(e.FirstResponseMedian), EmailBody.Duration(e.FirstResponseP90),
            EmailBody.Duration(e.DurationMedian), Number(e.Ratings), e.RatingAverage is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) : "–",
            EmailBody.Duration(e.AvailableTime), Number(e.AttributedOrders), EmailBody.Money(e.AttributedRevenue, merchant.Currency),
        ]).ToList();
        var csv = CsvFile.Build(
            ["expert", "offered", "claimed", "missed", "declined", "claim_median_s", "claim_p90_s", "first_response_median_s", "first_response_p90_s", "duration_median_s", "ratings", "rating_average", "available_s", "attributed_orders", "attributed_revenue", "currency"],
            experts.Select(e => (IReadOnlyList<object?>)
            [
                e.Name, e.Offered, e.Claimed, e.Missed, e.Declined, e.ClaimTimeMedian, e.ClaimTimeP90, e.FirstResponseMedian, e.FirstResponseP90, e.DurationMedian,
                e.Ratings, e.RatingAverage is { } a ? Math.Round((decimal)a, 2) : null, e.AvailableTime, e.AttributedOrders, e.AttributedRevenue, merchant.Currency,
            ]));
        var days = $"{from.ToString("d MMMM", CultureInfo.InvariantCulture)} – {to.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";
        var body = new EmailBody($"Expert performance report: {days}")
            .Paragraph($"{merchant.Name} · {(recipient.Reports.AllStores ? "All stores" : "Your stores")} · {EmailBody.Count(experts.Count, "expert", "experts")}. The same figures are attached as a CSV file.")
            .Table(header, rows)
            .Link("Open Team performance", app.Value.LinkTo($"reports/team?from={EmailSchedule.DayKey(from)}&to={EmailSchedule.DayKey(to)}"));
        var attachment = new EmailAttachment($"expert-performance-{EmailSchedule.DayKey(from)}-{EmailSchedule.DayKey(to)}.csv", CsvFile.ContentType, csv);
        return Finish(body, merchant, recipient, EmailKind.PerformanceReport, $"Expert performance report: {days}", [attachment]);
    }

    private OutgoingEmail Finish(EmailBody body, MerchantMailContext merchant, NotificationRecipient recipient, EmailKind kind, string subject, IReadOnlyList<EmailAttachment>? attachments = null) =>
        body.Build(
            recipient.Person.Email,
            recipient.Person.DisplayName,
            subject,
            $"You get this email because \"{Label(kind)}\" is on for you in {merchant.Name}'s VirtualShopping notifications.",
            unsubscribe.LinkFor(merchant.MerchantId, recipient.Person.Id, kind),
            attachments);

    private static async Task<Dictionary<Guid, string>> DepartmentNamesAsync(VirtualShoppingDbContext db, CancellationToken cancellationToken) =>
        await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset instant, MerchantMailContext merchant, bool withDay = false) =>
        TimeZoneInfo.ConvertTime(instant, merchant.TimeZone).ToString(withDay ? "ddd d MMM HH:mm" : "HH:mm", CultureInfo.InvariantCulture);
}
