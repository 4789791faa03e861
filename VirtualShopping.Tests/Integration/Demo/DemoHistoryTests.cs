using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Orders;
using VirtualShopping.Web.Features.Products;
using VirtualShopping.Web.Features.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace VirtualShopping.Tests.Integration.Demo;

/// <summary>The demo merchant's months of history (Seed:DemoHistory): enough realistic data for every report, credited by the real attributor.</summary>
public sealed class DemoHistoryTests(DemoHistoryFactory factory) : IClassFixture<DemoHistoryFactory>
{
    [Fact]
    public async Task The_demo_merchant_has_four_months_of_chats_and_orders_credited_inside_the_window()
    {
        var merchant = await factory.DemoMerchantAsync();
        var (chats, orders, offers, leftMessages, clicks) = await factory.InMerchantAsync(merchant.Id, async db => (
            await db.Chats.AsNoTracking().ToListAsync(),
            await db.Orders.AsNoTracking().ToListAsync(),
            await db.ChatOffers.AsNoTracking().ToListAsync(),
            await db.LeftMessages.AsNoTracking().CountAsync(),
            await db.ProductShareClicks.AsNoTracking().CountAsync()));

        Assert.InRange(chats.Count, 1_500, 2_600);
        Assert.InRange(orders.Count, 1_500, 2_600);
        Assert.InRange(chats.Min(c => c.StartedAt), DateTimeOffset.UtcNow.AddDays(-DemoHistory.Days - 2), DateTimeOffset.UtcNow.AddDays(-DemoHistory.Days + 2));
        var ended = chats.Where(c => c.Status == ChatStatus.Ended).ToList();
        Assert.InRange(chats.Count(c => c.Status == ChatStatus.Missed), 50, 400);
        Assert.InRange(ended.Count(c => c.Rating is not null) / (double)ended.Count, 0.5, 0.7);
        Assert.True(ended.Count(c => c.Rating >= 4) > ended.Count(c => c.Rating <= 3) * 3);
        Assert.True(ended.Count(c => c.ShopperEmail is not null) > 200);
        Assert.All(ended, c => Assert.InRange((c.ClaimedAt!.Value - c.StartedAt).TotalSeconds, 1, 90));
        Assert.Contains(offers, o => o.Status == OfferStatus.Declined);
        Assert.Contains(offers, o => o.Status == OfferStatus.Expired);
        Assert.Contains(offers, o => o.Kind == OfferKind.Transfer && o.Status == OfferStatus.Claimed);
        Assert.True(leftMessages > 50);
        Assert.True(clicks > 100);

        // Orders from every source, some refunded or cancelled, some in another currency.
        Assert.Equal([OrderSource.Widget, OrderSource.Api, OrderSource.Shopify], orders.Select(o => o.Source).Distinct().Order());
        Assert.InRange(orders.Count(o => o.Status is OrderStatus.PartlyRefunded or OrderStatus.Refunded), 60, 400);
        Assert.InRange(orders.Count(o => o.Status == OrderStatus.Cancelled), 10, 100);
        Assert.Contains(orders, o => o.Currency != "GBP");

        // About a third of claimed chats lead to a credited order; the rest of the orders are unattributed.
        var attributed = orders.Where(o => o.IsAttributed).ToList();
        var converted = attributed.Where(o => o.AttributionChatId is not null).Select(o => o.AttributionChatId).Distinct().Count();
        Assert.InRange(converted / (double)ended.Count, 0.25, 0.45);
        Assert.InRange(orders.Count(o => !o.IsAttributed), orders.Count / 3, orders.Count * 3 / 4);
        Assert.Equal(4, attributed.Select(o => o.AttributionMatch).Distinct().Count());

        // Each credited order is the touch's expert's, inside the window it was credited with.
        var chatsById = chats.ToDictionary(c => c.Id);
        var tookPart = offers.Where(o => o.Status == OfferStatus.Claimed).ToLookup(o => o.ChatId, o => o.StaffMemberId);
        Assert.All(attributed, order =>
        {
            Assert.Equal(AttributionRule.DefaultWindowDays, order.AttributionWindowDays);
            Assert.InRange(order.AttributionTouchAt!.Value, order.PlacedAt.AddDays(-order.AttributionWindowDays!.Value), order.PlacedAt);
            if (order.AttributionTouch == AttributionTouchKind.Chat)
            {
                Assert.Contains(order.AttributedStaffMemberId!.Value, tookPart[order.AttributionChatId!.Value]);
                Assert.Equal(chatsById[order.AttributionChatId.Value].DepartmentId, order.AttributedDepartmentId);
            }
        });
    }

    [Fact]
    public async Task The_reports_a_newcomer_opens_have_the_historys_figures_from_the_start()
    {
        var merchant = await factory.DemoMerchantAsync();
        var filter = ReportFilter.Default(DateOnly.FromDateTime(DateTime.UtcNow));

        var sales = await Integration.Reports.SalesScenario.AsMerchantAsync(factory, merchant.Id, s => s.GetRequiredService<SalesReports>().ReportAsync(ReportScope.Everything, filter));
        var team = await Integration.Reports.SalesScenario.AsMerchantAsync(factory, merchant.Id, s => s.GetRequiredService<TeamPerformanceSource>().ReportAsync(ReportScope.Everything, filter));

        // Built by the seeding itself, before any rollup job has run.
        Assert.InRange(sales.Total.ClaimedChats, 200, 800);
        Assert.True(sales.Total.AttributedOrders > 50, $"{sales.Total.AttributedOrders} attributed orders");
        Assert.True(sales.Total.AttributedRevenue > 0);
        Assert.True(team.Experts.Count >= 3, $"{team.Experts.Count} experts");
        Assert.Equal(sales.Total.ClaimedChats, team.Totals.Claimed);
        Assert.NotNull(team.Totals.ClaimTimeMedian);
        Assert.InRange(team.Totals.AvailableTime.TotalHours, 100, 30 * 24 * team.Experts.Count);
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        var merchant = await factory.DemoMerchantAsync();
        var before = await CountsAsync(merchant.Id);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoMerchantSeeder>().SeedAsync();
        }

        var again = await factory.InMerchantAsync(merchant.Id, async db =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await DemoHistory.SeedAsync(db, merchant.Id, DateTimeOffset.UtcNow, factory.Services.GetRequiredService<OrderAttributor>(), scope.ServiceProvider.GetRequiredService<ProductShares>());
        });

        Assert.False(again.Added);
        Assert.Equal(before, await CountsAsync(merchant.Id));
    }

    private Task<(int Chats, int Messages, int Orders, int Adjustments, int Shares)> CountsAsync(Guid merchantId) =>
        factory.InMerchantAsync(merchantId, async db => (
            await db.Chats.CountAsync(), await db.ChatMessages.CountAsync(), await db.Orders.CountAsync(), await db.OrderAdjustments.CountAsync(), await db.ProductShares.CountAsync()));
}
