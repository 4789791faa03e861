using Bunit;
using Microsoft.AspNetCore.Components;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Reports;
using VirtualShopping.Web.Features.Reports.Pages;

namespace VirtualShopping.Tests.Components.Reports;

/// <summary>The /reports/sales page over <see cref="SalesWorld"/>'s rebuilt rollup, as an HQ admin.</summary>
public sealed class SalesPageTests : DashboardTestContext
{
    private const string Range = "from=2026-10-24&to=2026-10-26&period=day";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            await SalesWorld.SeedAsync(db, Clock.GetUtcNow());
        }

        await Services.GetRequiredService<SalesRollup>().RebuildAsync(Merchant.Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30));
    }

    [Fact]
    public void The_headline_figures_tables_and_rule_are_shown()
    {
        RenderProviders();
        var page = Open(Range);

        page.WaitForAssertion(() => Assert.Contains("140.00 GBP", page.Find("[data-testid=kpi-revenue]").TextContent, StringComparison.Ordinal));
        Assert.Equal("5", page.Find("[data-testid=kpi-orders-value]").TextContent.Trim());
        Assert.Contains("35.00 GBP", page.Find("[data-testid=kpi-aov]").TextContent, StringComparison.Ordinal);
        Assert.Contains("4 of 6 claimed chats", page.Find("[data-testid=kpi-conversion]").TextContent, StringComparison.Ordinal);
        Assert.Contains("23.33 GBP", page.Find("[data-testid=kpi-revenue-per-chat]").TextContent, StringComparison.Ordinal);
        Assert.Contains("40.00 GBP", page.Find("[data-testid=kpi-unattributed]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1 order in other currencies is not included in revenue", page.Find("[data-testid=sales-other-currencies]").TextContent, StringComparison.Ordinal);
        var experts = page.Find("[data-testid=sales-table-experts]").TextContent;
        Assert.Contains("Xavier", experts, StringComparison.Ordinal);
        Assert.Contains("100.00 GBP", experts, StringComparison.Ordinal);
        Assert.Contains("within 30 days before the order", page.Find("[data-testid=sales-rule]").TextContent, StringComparison.Ordinal);
        Assert.Contains(page.FindAll("[data-testid=drill-orders]"), a => a.GetAttribute("href")!.Contains("/reports/sales/orders?from=2026-10-24&to=2026-10-26", StringComparison.Ordinal) && a.GetAttribute("href")!.Contains("&show=attributed", StringComparison.Ordinal));
        Assert.Equal($"/api/v1/reports/sales/experts.csv?{Range}", page.Find("[data-testid=csv-experts]").GetAttribute("href"));
    }

    [Fact]
    public void A_range_without_sales_shows_the_empty_state()
    {
        var page = Open("from=2026-01-01&to=2026-01-05");

        page.WaitForAssertion(() => Assert.Contains("No orders or claimed chats", page.Find("[data-testid=sales-empty]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=sales-kpis]"));
        Assert.NotEmpty(page.FindAll("[data-testid=sales-rule]"));
    }

    [Fact]
    public void Changing_the_filter_puts_it_in_the_address_and_reloads_the_figures()
    {
        RenderProviders();
        var page = Open(Range);
        page.WaitForElement("[data-testid=kpi-revenue]");

        page.Find("[data-testid=report-last-7]").Click();

        // The clock says Monday 23 November 2026 in London.
        Assert.EndsWith("/reports/sales?from=2026-11-17&to=2026-11-23&period=day", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=sales-empty]")));
    }

    [Fact]
    public void A_malformed_address_gets_a_friendly_message_naming_the_field()
    {
        var page = Open("from=yesterday");

        page.WaitForAssertion(() => Assert.Contains("from: Use a date written yyyy-mm-dd", page.Find("[data-testid=sales-bad-filter]").TextContent, StringComparison.Ordinal));
    }

    private IRenderedComponent<SalesPage> Open(string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/reports/sales?" + query);
        return Render<SalesPage>();
    }
}
