using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Reports;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Reports;

namespace VirtualShopping.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class TeamReportJourneyTests(BrowserAppFixture app)
{
    [Fact]
    public async Task Admin_narrows_the_team_report_to_the_last_7_days_and_downloads_the_conversations()
    {
        var (recentExpert, olderExpert, recentChat) = await SeedAsync();
        var page = await app.SignedInPageAsync(DemoMerchantSeeder.AdminEmail);
        await page.GotoAsync("/reports/team");
        await BrowserAppFixture.WaitUntilInteractiveAsync(page);

        var table = page.Locator("[data-testid=team-experts]");
        await Assertions.Expect(table.Locator("tr", new() { HasText = olderExpert })).ToBeVisibleAsync();
        await Assertions.Expect(table.Locator("tr", new() { HasText = recentExpert })).ToBeVisibleAsync();
        await BrowserAppFixture.ScreenshotAsync(page, "team-report-desktop");

        await page.ClickAsync("[data-testid=report-last-7]");

        await page.WaitForURLAsync(url => url.Contains("/reports/team?from=", StringComparison.Ordinal));
        await Assertions.Expect(table.Locator("tr", new() { HasText = olderExpert })).ToHaveCountAsync(0);
        await Assertions.Expect(table.Locator("tr", new() { HasText = recentExpert })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=download-conversations]"));
        Assert.StartsWith("conversations-", download.SuggestedFilename, StringComparison.Ordinal);
        var lines = (await File.ReadAllTextAsync(await download.PathAsync())).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Conversation,Start (local),Department,Store,Expert,Claim time (s),First response (s),Duration (s),Rating,Attributed revenue (GBP)", lines[0]);
        var row = Assert.Single(lines, l => l.StartsWith(recentChat.ToString("D"), StringComparison.Ordinal));
        Assert.EndsWith($",{recentExpert},12,,240,4,0.00", row, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>One archived chat 2 days ago and one 20 days ago, each claimed by another demo expert, rolled up.</summary>
    private async Task<(string Recent, string Older, Guid RecentChat)> SeedAsync()
    {
        var merchant = await app.App.DemoMerchantAsync();
        var now = DateTimeOffset.UtcNow;
        var (recent, older, chatId) = await app.App.InMerchantAsync(merchant.Id, async db =>
        {
            // The older chat's expert has nothing else in the last week (demo chats, offers), so the last 7 days leave them out.
            var week = now.AddDays(-8);
            var experts = await db.StaffMembers.Include(s => s.Stores).Where(s => (s.Roles & StaffRoles.Expert) != 0 && s.Status == StaffStatus.Active && s.Stores.Any())
                .Where(s => !db.Chats.Any(c => c.ExpertId == s.Id && c.StartedAt >= week) && !db.ChatOffers.Any(o => o.StaffMemberId == s.Id && o.OfferedAt >= week))
                .OrderBy(s => s.DisplayName).Take(2).ToListAsync();
            var department = await db.Departments.OrderBy(d => d.SortOrder).FirstAsync();
            Chat Archived(StaffMember expert, DateTimeOffset start) => new()
            {
                ShopperId = Guid.NewGuid(), DepartmentId = department.Id, StartedAt = start, QueuedAt = start, ClaimDeadline = start.AddMinutes(2), LastActivityAt = start.AddMinutes(4),
                Status = ChatStatus.Ended, ExpertId = expert.Id, ExpertName = expert.DisplayName, StoreId = expert.Stores[0].Id, ClaimedAt = start.AddSeconds(12),
                EndedAt = start.AddSeconds(252), Rating = 4, ArchivedAt = start.AddMinutes(5),
            };
            var recentChat = Archived(experts[0], now.AddDays(-2));
            db.Chats.AddRange(recentChat, Archived(experts[1], now.AddDays(-20)));
            await db.SaveChangesAsync();
            return (experts[0].DisplayName, experts[1].DisplayName, recentChat.Id);
        });
        var today = ReportRange.DayOf(now, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        await app.App.Services.GetRequiredService<TeamRollup>().RebuildAsync(merchant.Id, today.AddDays(-40), today);
        return (recent, older, chatId);
    }
}
