using Bunit;
using Microsoft.EntityFrameworkCore;
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
