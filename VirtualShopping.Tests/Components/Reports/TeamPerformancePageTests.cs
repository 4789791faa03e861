using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Web.Authorization;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Reports;
using VirtualShopping.Web.Features.Reports.Team;

namespace VirtualShopping.Tests.Components.Reports;

/// <summary>The Team performance page over the hand-computable <see cref="TeamReportData"/>, rolled up.</summary>
public sealed class TeamPerformancePageTests : DashboardTestContext
{
    private TeamReportData data = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            data = await TeamReportData.SeedAsync(db);
        }

        await Services.GetRequiredService<TeamRollup>().RebuildAsync(Merchant.Id, TeamReportData.Day, TeamReportData.Day);
    }

    private IRenderedComponent<TeamPerformancePage> RenderDay(string from = "2026-11-16", string to = "2026-11-16")
    {
        RenderProviders();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/reports/team?from={from}&to={to}");
        return Render<TeamPerformancePage>();
    }

    [Fact]
    public void The_cards_table_and_downloads_show_the_days_figures()
    {
        var page = RenderDay();

        page.WaitForAssertion(() => Assert.Equal(["Alice", "Bob", "Carol"], page.FindAll("[data-testid=team-experts] tbody tr td:first-child").Select(td => td.TextContent)));
        Assert.Equal("15", page.Find("[data-testid=kpi-offered-value]").TextContent);
        Assert.Equal("10", page.Find("[data-testid=kpi-claimed-value]").TextContent);
        Assert.Equal("13.3%", page.Find("[data-testid=kpi-missed-value]").TextContent); // 2 of 15 offers ran out
        Assert.Equal("25 s", page.Find("[data-testid=kpi-claim-value]").TextContent);
        Assert.Contains("p90 50 s", page.Find("[data-testid=kpi-claim]").TextContent, StringComparison.Ordinal);
        Assert.Equal("4 min 00 s", page.Find("[data-testid=kpi-duration-value]").TextContent);
        Assert.Equal("3.3 / 5", page.Find("[data-testid=kpi-csat-value]").TextContent);
        Assert.Equal("4.5 h", page.Find("[data-testid=kpi-available-value]").TextContent);
        var alice = page.FindAll("[data-testid=team-experts] tbody tr")[0].TextContent;
        Assert.Contains("30 s · 1 min 40 s", alice, StringComparison.Ordinal);
        Assert.Contains("80.00 EUR", alice, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("[data-testid=team-csat] svg"));
        Assert.NotEmpty(page.FindAll("[data-testid=team-series] svg"));
        Assert.Empty(page.FindAll("[data-testid=team-loading]"));
        Assert.Equal("/api/v1/reports/conversations.csv?from=2026-11-16&to=2026-11-16&period=day", page.Find("[data-testid=download-conversations]").GetAttribute("href"));
    }

    [Fact]
    public void Days_without_chats_show_the_empty_state()
    {
        var page = RenderDay("2026-11-01", "2026-11-02");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=team-empty]")));
        Assert.Empty(page.FindAll("[data-testid=team-experts]"));
    }

    [Fact]
    public void Choosing_a_quick_range_puts_the_filter_in_the_address()
    {
        var page = RenderDay();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=team-experts]")));

        page.Find("[data-testid=report-last-7]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        Assert.Matches(@"/reports/team\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&period=day$", navigation.Uri);
    }

    [Fact]
    public async Task A_store_manager_sees_only_their_stores_experts()
    {
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var manager = await db.StaffMembers.Include(s => s.Stores).SingleAsync(s => s.Id == data.Manager);
            Authorization.SetAuthorized(manager.DisplayName);
            Authorization.SetClaims(StaffClaims.For(manager, Merchant.Name).Where(c => c.Type != ClaimTypes.Name).ToArray());
        }

        var page = RenderDay();

        page.WaitForAssertion(() => Assert.Equal(["Carol"], page.FindAll("[data-testid=team-experts] tbody tr td:first-child").Select(td => td.TextContent)));
        Assert.Equal("1", page.Find("[data-testid=kpi-claimed-value]").TextContent);
    }

    [Fact]
    public void A_malformed_filter_is_named_and_the_default_range_shown()
    {
        var page = RenderDay("16/11/2026");

        page.WaitForAssertion(() => Assert.Contains("from:", page.Find("[data-testid=team-filter-problem]").TextContent, StringComparison.Ordinal));
    }
}
