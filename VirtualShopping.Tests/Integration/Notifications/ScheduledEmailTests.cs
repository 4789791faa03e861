using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Notifications;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Reports;
using static VirtualShopping.Tests.Integration.Notifications.ScheduledEmailWorld;

namespace VirtualShopping.Tests.Integration.Notifications;

/// <summary>
/// The scheduled emails over the real app, a real SQLite file and a local SMTP server, with the clock moved by the
/// tests: batching, local time and daylight saving, the 48-hour team digest, retries, the performance report and
/// the unsubscribe link. Monday 23 November 2026, 11:00 UTC is 06:00 in New York.
/// </summary>
public sealed partial class ScheduledEmailTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday11 = RoutingFactory.Monday11;

    private readonly SmtpSink smtp = new();
    private RoutingFactory host = null!;
    private ScheduledEmailWorld world = null!;

    public async ValueTask InitializeAsync()
    {
        host = HostFor(smtp);
        world = await CreateAsync(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task Ten_missed_chats_in_one_window_are_one_email_listing_all_ten()
    {
        await world.SubscribeAsync(world.Hq, s => s.MissedChats = true);
        for (var i = 0; i < 10; i++)
        {
            await world.AddChatAsync(Monday11.AddSeconds(-60 + (i * 20)), null, missedAt: Monday11.AddSeconds(10 + (i * 25)));
        }

        world.Clock.SetUtcNow(Monday11.AddMinutes(5).AddSeconds(30)); // the window has closed, its minute of grace has not
        await world.RunSendJobAsync();
        Assert.Empty(Messages(smtp, HqEmail));

        world.Clock.SetUtcNow(Monday11.AddMinutes(6));
        await world.RunSendJobAsync();
        await world.RunSendJobAsync();

        var email = Assert.Single(Messages(smtp, HqEmail));
        Assert.StartsWith("10 missed chats, 06:00–06:05", email.Subject, StringComparison.Ordinal);
        Assert.Equal(10, Regex.Count(email.TextBody, @"^\d\d:\d\d \| Shopper ", RegexOptions.Multiline));
        Assert.Contains("<table", email.HtmlBody, StringComparison.Ordinal);
        var row = Assert.Single(await world.LedgerAsync());
        Assert.Equal((EmailKind.MissedChats, "2026-11-23T11:00Z", EmailDispatchStatus.Sent, 1), (row.Kind, row.PeriodKey, row.Status, row.Attempts));
    }

    [Fact]
    public async Task A_store_manager_hears_only_of_the_missed_chats_and_left_messages_of_their_stores()
    {
        await world.SubscribeAsync(world.Manager, s => (s.MissedChats, s.LeftMessages) = (true, true));
        await world.AddChatAsync(Monday11, world.North, missedAt: Monday11.AddMinutes(1));
        await world.AddChatAsync(Monday11, world.South, missedAt: Monday11.AddMinutes(2));
        await world.AddChatAsync(Monday11, null, missedAt: Monday11.AddMinutes(2)); // nobody claimed it: its need, which North serves, decides
        await world.AddLeftMessageAsync(Monday11.AddMinutes(3), "Hannah Kim");

        world.Clock.SetUtcNow(Monday11.AddMinutes(6));
        await world.RunSendJobAsync();

        var emails = Messages(smtp, ManagerEmail);
        Assert.Equal(2, emails.Count);
        var missed = Assert.Single(emails, e => e.Subject.Contains("missed", StringComparison.Ordinal));
        Assert.StartsWith("2 missed chats,", missed.Subject, StringComparison.Ordinal);
        var left = Assert.Single(emails, e => e.Subject.Contains("left message", StringComparison.Ordinal));
        Assert.Contains("Hannah Kim", left.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("shopper@example.com", left.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_daily_digest_arrives_at_8_in_the_merchants_time_zone_once_with_the_days_figures()
    {
        await world.SubscribeAsync(world.Hq, s => s.DailyDigest = true);
        var monday = new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero); // 10:00 in New York
        await world.AddChatAsync(monday, world.North, claimedAfter: TimeSpan.FromSeconds(30), rating: 5);
        await world.AddChatAsync(monday.AddHours(1), world.South, claimedAfter: TimeSpan.FromSeconds(90), rating: 3);
        await world.AddChatAsync(monday.AddHours(2), world.North, missedAt: monday.AddHours(2).AddMinutes(2));
        await world.AddChatAsync(Monday11.AddHours(-7), world.North, claimedAfter: TimeSpan.FromSeconds(5)); // Sunday evening there: not this day
        await world.AddLeftMessageAsync(monday.AddHours(3), "Hannah Kim");
        await world.AddAttributedOrderAsync(monday.AddHours(4), 100m, "USD", world.North);
        await world.AddAttributedOrderAsync(monday.AddHours(4), 80m, "EUR", world.North);

        world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 12, 55, 0, TimeSpan.Zero)); // 07:55 EST
        await world.RunSendJobAsync();
        Assert.Empty(Messages(smtp, HqEmail));

        world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero)); // 08:00 EST
        await world.RunSendJobAsync();
        world.Clock.Advance(TimeSpan.FromHours(3));
        await world.RunSendJobAsync();

        var email = Assert.Single(Messages(smtp, HqEmail));
        Assert.Equal("Daily digest: Monday 23 November 2026", email.Subject);
        var text = email.TextBody;
        Assert.Contains("Chats: 3", text, StringComparison.Ordinal);
        Assert.Contains("Claimed: 2", text, StringComparison.Ordinal);
        Assert.Contains("Missed: 1 (33 %)", text, StringComparison.Ordinal);
        Assert.Contains("Median claim time: 30 s", text, StringComparison.Ordinal);
        Assert.Contains("Ratings: 2, average 4.0 of 5, CSAT 50 %", text, StringComparison.Ordinal);
        Assert.Contains("Received: 1", text, StringComparison.Ordinal);
        Assert.Contains("Orders: 2", text, StringComparison.Ordinal);
        Assert.Contains("Revenue: 100.00 USD", text, StringComparison.Ordinal);
        Assert.Contains("1 order in other currencies is not included in revenue.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_clocks_go_forward_the_digest_still_comes_at_8_local_and_covers_the_23_hour_day()
    {
        await world.SubscribeAsync(world.Hq, s => s.DailyDigest = true);
        await world.AddChatAsync(new DateTimeOffset(2027, 3, 14, 5, 30, 0, TimeSpan.Zero), world.North, claimedAfter: TimeSpan.FromSeconds(10)); // 00:30 EST, Sunday 14 March
        await world.AddChatAsync(new DateTimeOffset(2027, 3, 15, 3, 30, 0, TimeSpan.Zero), world.North, claimedAfter: TimeSpan.FromSeconds(10)); // 23:30 EDT, 14 March
        await world.AddChatAsync(new DateTimeOffset(2027, 3, 15, 4, 30, 0, TimeSpan.Zero), world.North, claimedAfter: TimeSpan.FromSeconds(10)); // 00:30 EDT, 15 March

        world.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 15, 11, 55, 0, TimeSpan.Zero)); // 07:55 EDT (it would be 06:55 EST)
        await world.RunSendJobAsync();
        Assert.DoesNotContain(Messages(smtp, HqEmail), e => e.Subject.Contains("14 March", StringComparison.Ordinal));

        world.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 15, 12, 0, 0, TimeSpan.Zero)); // 08:00 EDT, an hour earlier in UTC than in winter
        await world.RunSendJobAsync();

        var email = Assert.Single(Messages(smtp, HqEmail), e => e.Subject == "Daily digest: Sunday 14 March 2027");
        Assert.Contains("Chats: 2", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_weekly_digest_covers_monday_to_sunday_and_comes_on_monday_at_8()
    {
        await world.SubscribeAsync(world.Manager, s => s.WeeklyDigest = true);
        await world.AddChatAsync(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero), world.North, claimedAfter: TimeSpan.FromSeconds(20)); // Monday
        await world.AddChatAsync(new DateTimeOffset(2026, 11, 30, 4, 0, 0, TimeSpan.Zero), world.North, claimedAfter: TimeSpan.FromSeconds(20)); // Sunday 23:00 there
        await world.AddChatAsync(new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero), world.South, claimedAfter: TimeSpan.FromSeconds(20)); // not Mia's store

        world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 13, 0, 0, TimeSpan.Zero)); // Sunday 08:00
        await world.RunSendJobAsync();
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.Zero)); // Monday 08:00
        await world.RunSendJobAsync();
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero)); // Tuesday
        await world.RunSendJobAsync();

        var email = Assert.Single(Messages(smtp, ManagerEmail));
        Assert.Equal("Weekly digest: 23 November – 29 November 2026", email.Subject);
        Assert.Contains("Chats: 2", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("1 store (yours)", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_team_digest_goes_out_at_most_once_every_48_hours()
    {
        await world.SubscribeAsync(world.Hq, s => s.TeamDigest = true);
        await world.RunSendJobAsync();
        var first = Assert.Single(Messages(smtp, HqEmail));
        Assert.Equal("Team digest: 1 person waits for approval", first.Subject);
        Assert.Contains("Noah Newcomer", first.TextBody, StringComparison.Ordinal);

        world.Clock.Advance(TimeSpan.FromHours(24)); // another local day: the period key alone would allow it
        await world.RunSendJobAsync();
        world.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));
        await world.RunSendJobAsync();
        Assert.Single(Messages(smtp, HqEmail));

        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.RunSendJobAsync();
        Assert.Equal(2, Messages(smtp, HqEmail).Count);
        Assert.Equal(2, (await world.LedgerAsync()).Count(d => d.Kind == EmailKind.TeamDigest && d.Status == EmailDispatchStatus.Sent));
    }

    [Fact]
    public async Task The_team_digest_is_only_for_people_who_manage_the_team()
    {
        await world.SubscribeAsync(world.Expert, s => s.TeamDigest = true);
        await world.RunSendJobAsync();
        Assert.Empty(await world.LedgerAsync());
    }

    [Fact]
    public async Task The_performance_report_goes_weekly_with_each_experts_figures_and_a_csv()
    {
        var source = new FixedTeamPerformance();
        await using var reporting = host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ITeamPerformanceSource>(source)));
        await world.SubscribeAsync(world.Manager, s => s.PerformanceReport = ReportSchedule.Weekly);

        world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.Zero)); // Monday 08:00 in New York
        await using (var scope = reporting.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Web.Features.Notifications.NotificationEmailJob>().RunAsync(CancellationToken.None);
        }

        var email = Assert.Single(Messages(smtp, ManagerEmail));
        Assert.Equal("Expert performance report: 23 November – 29 November 2026", email.Subject);
        Assert.Contains("Eli Expert | 20 | 18 | 2 | 10 % |", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<td style=\"border-bottom:1px solid #e5e7eb;padding:4px 8px\">Eli Expert</td>", email.HtmlBody, StringComparison.Ordinal);
        var csv = Assert.Single(email.Message.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("expert-performance-2026-11-23-2026-11-29.csv", csv.FileName);
        using var content = new MemoryStream();
        await csv.Content!.DecodeToAsync(content);
        var lines = System.Text.Encoding.UTF8.GetString(content.ToArray()).TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToArray(); // the sink keeps lines, not their CRLF
        Assert.StartsWith("expert,offered,claimed,missed", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Eli Expert,20,18,2,0,45,", lines[1], StringComparison.Ordinal);

        var (scope2, filter) = Assert.Single(source.Asked);
        Assert.False(scope2.AllStores);
        Assert.Equal(new[] { world.North }, scope2.StoreIds.ToArray());
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29)), (filter.From, filter.To));
    }

    [Fact]
    public async Task A_failed_email_is_retried_after_a_minute_and_sent_once()
    {
        var port = FreePort();
        await using var failing = new RoutingFactory().With("Notifications:RecurringJobs", "false")
            .With("Smtp:Host", "127.0.0.1").With("Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)).With("Smtp:Security", "None");
        var local = await CreateAsync(failing);
        await local.SubscribeAsync(local.Hq, s => s.TeamDigest = true);

        await local.RunSendJobAsync(); // nobody listens on the port yet
        var failed = Assert.Single(await local.LedgerAsync());
        Assert.Equal((EmailDispatchStatus.Failed, 1), (failed.Status, failed.Attempts));
        Assert.Equal<DateTimeOffset?>(Monday11.AddMinutes(1), failed.NextAttemptAt);
        Assert.Contains("did not accept the email", failed.LastError ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("@", failed.LastError ?? string.Empty, StringComparison.Ordinal);

        await using var server = new SmtpSink(port);
        await RunRetryJobAsync(failing); // not due yet
        Assert.Empty(server.Received);

        local.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunRetryJobAsync(failing);
        await RunRetryJobAsync(failing);
        await local.RunSendJobAsync();

        Assert.Single(Messages(server, HqEmail));
        var sent = Assert.Single(await local.LedgerAsync());
        Assert.Equal((EmailDispatchStatus.Sent, 2, null), (sent.Status, sent.Attempts, sent.LastError));
    }

    [Fact]
    public async Task The_unsubscribe_link_asks_to_confirm_then_turns_off_that_one_email()
    {
        await world.SubscribeAsync(world.Hq, s => (s.TeamDigest, s.DailyDigest) = (true, true));
        await world.RunSendJobAsync();
        var email = Assert.Single(Messages(smtp, HqEmail));
        var link = UnsubscribeLink().Match(email.TextBody).Groups[1].Value;
        Assert.StartsWith(VirtualShoppingFactory.PublicBaseUrl + "notifications/unsubscribe?t=", link, StringComparison.Ordinal);
        var path = link[(VirtualShoppingFactory.PublicBaseUrl.Length - 1)..];

        var client = host.CreateAnonymousClient();
        var page = await client.GetStringAsync(path);
        Assert.Contains("Stop these emails?", page, StringComparison.Ordinal);
        Assert.True(await world.InMerchantAsync(db => db.NotificationSubscriptions.AnyAsync(s => s.TeamDigest)), "a GET alone changes nothing");

        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = VirtualShoppingFactory.AntiforgeryTokenIn(page),
            ["_handler"] = "unsubscribe",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You're unsubscribed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var subscription = await world.InMerchantAsync(db => db.NotificationSubscriptions.AsNoTracking().SingleAsync(s => s.StaffMemberId == world.Hq));
        Assert.False(subscription.TeamDigest);
        Assert.True(subscription.DailyDigest);

        var tampered = await client.GetStringAsync(path[..^4] + (path.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"));
        Assert.Contains("This link can't be used", tampered, StringComparison.Ordinal);
        var forged = await client.PostAsync("/notifications/unsubscribe?t=forged", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "unsubscribe" }));
        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode); // no antiforgery token: refused
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    [GeneratedRegex(@"Stop these emails: (\S+)")]
    private static partial Regex UnsubscribeLink();
}
