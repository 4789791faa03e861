using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using VirtualShopping.Domain.Notifications;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Email;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Settings.Pages;

namespace VirtualShopping.Tests.Components.Settings;

public sealed class NotificationsPageTests : DashboardTestContext
{
    private readonly SmtpSink smtp = new();

    public NotificationsPageTests() =>
        Services.Configure<SmtpOptions>(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = smtp.Port;
            o.Security = SmtpSecurity.None;
            o.FromAddress = "notifications@virtualshopping.test";
        });

    protected override ValueTask DisposeResourcesAsync() => smtp.DisposeAsync();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Contexts.CreateDbContextAsync();
        db.StaffMembers.AddRange(
            new StaffMember { DisplayName = "Priya Shah", Email = "priya@example.com", Roles = StaffRoles.StoreManager },
            new StaffMember { DisplayName = "Sam Taylor", Email = "sam@example.com", Roles = StaffRoles.Expert });
        await db.SaveChangesAsync();
    }

    [Fact]
    public void Dashboard_users_are_listed_and_experts_are_not()
    {
        var page = Render<NotificationsPage>();

        page.WaitForAssertion(() => Assert.Contains("Priya Shah", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Sam Taylor", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=smtp-not-configured]"));
    }

    [Fact]
    public async Task Send_test_delivers_a_real_email_over_smtp_to_that_person()
    {
        var providers = RenderProviders();
        var page = Render<NotificationsPage>();
        page.WaitForAssertion(() => Assert.Contains("Priya Shah", page.Markup, StringComparison.Ordinal));

        page.Find("button[aria-label='Send a test email to Priya Shah']").Click();

        providers.WaitForAssertion(() => Assert.Contains("Test email sent to priya@example.com", providers.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var email = Assert.Single(smtp.Received);
        Assert.Equal(["priya@example.com"], email.To);
        Assert.Equal("notifications@virtualshopping.test", email.From);
        Assert.Contains("Subject: VirtualShopping test email", email.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choices_are_saved_per_person()
    {
        var providers = RenderProviders();
        var page = Render<NotificationsPage>();
        page.WaitForAssertion(() => Assert.Contains("Priya Shah", page.Markup, StringComparison.Ordinal));

        page.Find("input[aria-label='Missed chats for Priya Shah']").Change(true);
        page.Find("input[aria-label='Weekly digest for Priya Shah']").Change(true);
        page.Find("[data-testid=save-settings]").Click();

        providers.WaitForAssertion(() => Assert.Contains("Notifications saved", providers.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        var saved = await db.NotificationSubscriptions.SingleAsync();
        Assert.True(saved.MissedChats);
        Assert.True(saved.WeeklyDigest);
        Assert.False(saved.LeftMessages);
        Assert.Contains(await db.AuditEntries.Select(a => a.EntityLabel).ToListAsync(), l => l == "Email notifications for Priya Shah");
    }

    [Fact]
    public async Task Team_digest_and_performance_report_are_saved_per_person()
    {
        var providers = RenderProviders();
        var page = Render<NotificationsPage>();
        page.WaitForAssertion(() => Assert.Contains("Priya Shah", page.Markup, StringComparison.Ordinal));

        page.Find("input[aria-label='Team digest for Priya Shah']").Change(true);
        var schedule = page.FindComponents<MudSelect<ReportSchedule>>().Single();
        await schedule.InvokeAsync(() => schedule.Instance.ValueChanged.InvokeAsync(ReportSchedule.Monthly));
        page.Find("[data-testid=save-settings]").Click();

        providers.WaitForAssertion(() => Assert.Contains("Notifications saved", providers.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        var saved = await db.NotificationSubscriptions.SingleAsync();
        Assert.True(saved.TeamDigest);
        Assert.Equal(ReportSchedule.Monthly, saved.PerformanceReport);
    }

    [Fact]
    public async Task Recent_emails_show_a_failure_with_its_reason_and_next_try_and_retry_now_sends_it()
    {
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var priya = await db.StaffMembers.SingleAsync(s => s.Email == "priya@example.com");
            db.NotificationSubscriptions.Add(new NotificationSubscription { StaffMemberId = priya.Id, TeamDigest = true });
            db.StaffMembers.Add(new StaffMember { DisplayName = "Noah Newcomer", Email = "noah@example.com", Roles = StaffRoles.Expert, Status = StaffStatus.PendingApproval });
            db.EmailDispatches.Add(new EmailDispatch
            {
                StaffMemberId = priya.Id, Kind = EmailKind.TeamDigest, PeriodKey = "2026-11-23", Status = EmailDispatchStatus.Failed, Attempts = 1,
                LastError = "The SMTP server mail.example.com:587 did not accept the email: Connection refused",
                CreatedAt = Clock.GetUtcNow(), NextAttemptAt = Clock.GetUtcNow().AddMinutes(1),
            });
            await db.SaveChangesAsync();
        }

        var providers = RenderProviders();
        var page = Render<NotificationsPage>();
        page.WaitForAssertion(() => Assert.Contains("Failed, will retry", page.Find("[data-testid=email-history]").TextContent, StringComparison.Ordinal));
        var history = page.Find("[data-testid=email-history]").TextContent;
        Assert.Contains("Team digest", history, StringComparison.Ordinal);
        Assert.Contains("Connection refused", history, StringComparison.Ordinal);
        Assert.Contains("Next try", history, StringComparison.Ordinal);
        Assert.Contains("23 Nov 11:01", history, StringComparison.Ordinal); // the merchant's default time zone, London

        page.Find("button[aria-label='Retry the team digest to Priya Shah now']").Click();

        providers.WaitForAssertion(() => Assert.Contains("Email sent", providers.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.Contains("Sent", page.Find("[data-testid=email-status]").TextContent, StringComparison.Ordinal));
        var email = Assert.Single(smtp.Received);
        Assert.Equal(["priya@example.com"], email.To);
        await using var check = await Contexts.CreateDbContextAsync();
        var row = await check.EmailDispatches.SingleAsync();
        Assert.Equal((EmailDispatchStatus.Sent, 2), (row.Status, row.Attempts));
    }
}

public sealed class NotificationsWithoutSmtpTests : DashboardTestContext
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Contexts.CreateDbContextAsync();
        db.StaffMembers.Add(new StaffMember { DisplayName = "Priya Shah", Email = "priya@example.com", Roles = StaffRoles.StoreManager });
        await db.SaveChangesAsync();
    }

    [Fact]
    public void Without_smtp_the_page_says_so_and_send_test_explains_instead_of_failing()
    {
        var providers = RenderProviders();
        var page = Render<NotificationsPage>();
        page.WaitForAssertion(() => Assert.Contains("Priya Shah", page.Markup, StringComparison.Ordinal));

        Assert.Contains("Email isn't set up yet", page.Find("[data-testid=smtp-not-configured]").TextContent, StringComparison.Ordinal);
        page.Find("button[aria-label='Send a test email to Priya Shah']").Click();

        providers.WaitForAssertion(() => Assert.Contains("Email isn't set up yet, so nothing was sent.", providers.Markup, StringComparison.Ordinal));
    }
}
