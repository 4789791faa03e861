using VirtualShopping.Domain.Orders;
using VirtualShopping.Domain.Reports;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Reports;

namespace VirtualShopping.Tests.Integration.Reports;

/// <summary>
/// The sales report's figures against <see cref="SalesWorld"/>'s hand-computed values, read from the rollup the way
/// the page reads them: all stores, a store manager, a team, periods across the end of summer time, and the refresh job.
/// </summary>
public sealed class SalesReportTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    [Fact]
    public async Task Hq_figures_over_the_end_of_summer_time_match_the_hand_computed_values()
    {
        var (merchantId, world) = await SalesScenario.SeedAsync(factory);

        var report = await SalesScenario.AsMerchantAsync(factory, merchantId, s => s.GetRequiredService<SalesReports>().ReportAsync(ReportScope.Everything, SalesScenario.Filter));

        var total = report.Total;
        Assert.Equal("GBP", report.Currency);
        Assert.Equal(5, total.AttributedOrders);
        Assert.Equal(4, total.AttributedOrdersInCurrency);
        Assert.Equal(140.00m, total.AttributedRevenue);
        Assert.Equal(35.00m, total.AverageOrderValue);
        Assert.Equal(1, total.UnattributedOrders);
        Assert.Equal(40.00m, total.UnattributedRevenue);
        Assert.Equal(1, total.OtherCurrencyOrders);
        Assert.Equal(20.00m, total.Refunds);
        Assert.Equal(6, total.ClaimedChats);
        Assert.Equal(4, total.ConvertedChats);
        Assert.Equal(4m / 6m, total.Conversion);
        Assert.Equal(23.33m, total.RevenuePerChat);

        // O1 was placed at 23:30 UTC on the 24th: 00:30 on the 25th in London (still summer time). O7, 23:30 UTC on the 23rd, is the 24th's.
        Assert.Equal([new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 26)], report.Periods.Select(p => p.Start));
        Assert.Equal([10.00m, 130.00m, 0m], report.Periods.Select(p => p.Figures.AttributedRevenue));
        Assert.Equal([2, 1, 3], report.Periods.Select(p => p.Figures.ClaimedChats));

        var xavier = Assert.Single(report.Experts, e => e.Id == world.XavierId).Figures;
        Assert.Equal((3, 100.00m, 50.00m, 3, 2, 33.33m), (xavier.AttributedOrders, xavier.AttributedRevenue, xavier.AverageOrderValue, xavier.ClaimedChats, xavier.ConvertedChats, xavier.RevenuePerChat));
        var yasmin = Assert.Single(report.Experts, e => e.Id == world.YasminId).Figures;
        Assert.Equal((2, 40.00m, 20.00m, 3, 2, 13.33m), (yasmin.AttributedOrders, yasmin.AttributedRevenue, yasmin.AverageOrderValue, yasmin.ClaimedChats, yasmin.ConvertedChats, yasmin.RevenuePerChat));
        Assert.Equal(["Xavier", "Yasmin"], report.Experts.Select(e => e.Name));
        Assert.Equal(["North", "South"], report.Stores.Select(s => s.Name));
        Assert.Equal(100.00m, Assert.Single(report.Teams).Figures.AttributedRevenue);
        Assert.Equal(140.00m, Assert.Single(report.Departments).Figures.AttributedRevenue);
    }

    [Fact]
    public async Task Weeks_and_months_group_local_days_and_a_range_ending_before_the_change_leaves_later_orders_out()
    {
        var (merchantId, _) = await SalesScenario.SeedAsync(factory);
        var reports = (Func<ReportFilter, Task<SalesReport>>)(f => SalesScenario.AsMerchantAsync(factory, merchantId, s => s.GetRequiredService<SalesReports>().ReportAsync(ReportScope.Everything, f)));

        var months = await reports(SalesScenario.Filter with { Period = ReportPeriod.Month });
        var weeks = await reports(SalesScenario.Filter with { Period = ReportPeriod.Week });
        var oneDay = await reports(new ReportFilter(new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 24)));

        Assert.Equal(140.00m, Assert.Single(months.Periods).Figures.AttributedRevenue);
        // 24 and 25 October are a Saturday and Sunday (week of Monday the 19th); the 26th starts the next week.
        Assert.Equal([(new DateOnly(2026, 10, 19), 140.00m), (new DateOnly(2026, 10, 26), 0m)], weeks.Periods.Select(p => (p.Start, p.Figures.AttributedRevenue)));
        Assert.Equal(10.00m, oneDay.Total.AttributedRevenue);
        Assert.Equal(1, oneDay.Total.AttributedOrders);
    }

    [Fact]
    public async Task A_store_manager_sees_their_stores_figures_only_and_nothing_of_another_store()
    {
        var (merchantId, world) = await SalesScenario.SeedAsync(factory);
        var north = new ReportScope(false, [world.NorthId]);
        var reports = (Func<ReportFilter, Task<SalesReport>>)(f => SalesScenario.AsMerchantAsync(factory, merchantId, s => s.GetRequiredService<SalesReports>().ReportAsync(north, f)));

        var mine = await reports(SalesScenario.Filter);
        var other = await reports(SalesScenario.Filter with { StoreId = world.SouthId });

        Assert.Equal((3, 100.00m, 3, 2, 0, 0m), (mine.Total.AttributedOrders, mine.Total.AttributedRevenue, mine.Total.ClaimedChats, mine.Total.ConvertedChats, mine.Total.UnattributedOrders, mine.Total.UnattributedRevenue));
        Assert.Equal(["Xavier"], mine.Experts.Select(e => e.Name));
        Assert.Equal(["North"], mine.Stores.Select(e => e.Name));
        Assert.True(other.IsEmpty);
        Assert.Empty(other.Experts);
    }

    [Fact]
    public async Task A_team_means_the_experts_in_that_team()
    {
        var (merchantId, world) = await SalesScenario.SeedAsync(factory);

        var team = await SalesScenario.AsMerchantAsync(factory, merchantId, s => s.GetRequiredService<SalesReports>().ReportAsync(ReportScope.Everything, SalesScenario.Filter with { TeamId = world.TeamId }));

        Assert.Equal((3, 100.00m, 3, 2, 0), (team.Total.AttributedOrders, team.Total.AttributedRevenue, team.Total.ClaimedChats, team.Total.ConvertedChats, team.Total.UnattributedOrders));
        Assert.Equal(["Xavier"], team.Experts.Select(e => e.Name));
    }

    [Fact]
    public async Task The_refresh_job_picks_up_a_later_order_and_marks_its_touch_chats_day_converted()
    {
        var (merchantId, world) = await SalesScenario.SeedAsync(factory, rebuild: false);
        using (var first = factory.Services.CreateScope())
        {
            await first.ServiceProvider.GetRequiredService<ReportRollupJob>().RunAsync(CancellationToken.None);
        }

        var reports = () => SalesScenario.AsMerchantAsync(factory, merchantId, s => s.GetRequiredService<SalesReports>().ReportAsync(ReportScope.Everything, SalesScenario.Filter));
        Assert.Equal(4, (await reports()).Total.ConvertedChats);

        // An order on 1 November credited to C4, a chat of 26 October: the 26th's conversion changes, not only the 1st.
        await factory.InMerchantAsync(merchantId, async db =>
        {
            var c4 = await db.Chats.FindAsync(world.ChatC4Id);
            var order = new Order { ExternalId = "O9", Currency = "GBP", Subtotal = 25m, PlacedAt = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero), ReceivedAt = DateTimeOffset.UtcNow };
            order.Attribute(new AttributionTouch(AttributionTouchKind.Chat, c4!.Id, c4.ClaimedAt!.Value, world.XavierId, world.NorthId, world.DepartmentId, c4.Id, AttributionMatch.Email), 30, DateTimeOffset.UtcNow);
            db.Orders.Add(order);
            return await db.SaveChangesAsync();
        });
        using (var second = factory.Services.CreateScope())
        {
            await second.ServiceProvider.GetRequiredService<ReportRollupJob>().RunAsync(CancellationToken.None);
        }

        var after = await reports();
        Assert.Equal(5, after.Total.ConvertedChats);
        Assert.Equal(140.00m, after.Total.AttributedRevenue); // the order itself is outside the range
        var november = await SalesScenario.AsMerchantAsync(factory, merchantId, s => s.GetRequiredService<SalesReports>().ReportAsync(ReportScope.Everything, new ReportFilter(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1))));
        Assert.Equal(25.00m, november.Total.AttributedRevenue);
    }

    [Fact]
    public async Task The_order_drill_down_lists_raw_orders_with_how_they_matched_and_hides_unattributed_ones_from_managers()
    {
        var (merchantId, world) = await SalesScenario.SeedAsync(factory);
        var north = new ReportScope(false, [world.NorthId]);
        Task<SalesOrderPage> Page(ReportScope scope, ReportFilter filter, SalesOrderKind kind) =>
            SalesScenario.AsMerchantAsync(factory, merchantId, s => s.GetRequiredService<SalesOrders>().PageAsync(scope, filter, kind, 0, 50));

        var xavier = await Page(ReportScope.Everything, SalesScenario.Filter with { StaffMemberId = world.XavierId }, SalesOrderKind.Attributed);
        var unattributed = await Page(ReportScope.Everything, SalesScenario.Filter, SalesOrderKind.Unattributed);
        var managersUnattributed = await Page(north, SalesScenario.Filter, SalesOrderKind.Unattributed);
        var managersAll = await Page(north, SalesScenario.Filter, SalesOrderKind.All);

        Assert.Equal(3, xavier.Total);
        Assert.Equal(["O5", "O4", "O1"], xavier.Lines.Select(l => l.ExternalId));
        var o4 = xavier.Lines[1];
        Assert.Equal((60m, 0m, OrderStatus.Cancelled, "Same chat session", 30, "Xavier", "North"), (o4.Subtotal, o4.NetRevenue, o4.Status, o4.MatchedBy, o4.WindowDays!.Value, o4.Expert, o4.Store));
        Assert.NotNull(o4.ChatId);
        Assert.Equal(["O3"], unattributed.Lines.Select(l => l.ExternalId));
        Assert.Equal(0, managersUnattributed.Total);
        Assert.Equal(["O5", "O4", "O1"], managersAll.Lines.Select(l => l.ExternalId));

        var conversation = await SalesScenario.AsMerchantAsync(factory, merchantId, s => s.GetRequiredService<SalesOrders>().ConversationAsync(north, xavier.Lines[2].ChatId!.Value));
        Assert.Equal("These boots run half a size small.", Assert.Single(conversation!.Messages).Text);
        var south = new ReportScope(false, [world.SouthId]);
        Assert.Null(await SalesScenario.AsMerchantAsync(factory, merchantId, s => s.GetRequiredService<SalesOrders>().ConversationAsync(south, xavier.Lines[2].ChatId!.Value)));
    }
}
