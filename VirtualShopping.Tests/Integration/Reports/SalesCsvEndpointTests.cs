using System.Net;
using System.Text;
using System.Text.Json;
using VirtualShopping.Tests.Support;

namespace VirtualShopping.Tests.Integration.Reports;

/// <summary>GET /api/v1/reports/sales/{table}.csv: the page's tables and order list as CSV, within the caller's scope.</summary>
public sealed class SalesCsvEndpointTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    private const string Range = "from=2026-10-24&to=2026-10-26";

    [Fact]
    public async Task The_experts_csv_holds_the_reports_figures()
    {
        var (merchantId, world) = await SalesScenario.SeedAsync(factory);
        var client = await AdminAsync(merchantId);

        using var response = await client.GetAsync($"/api/v1/reports/sales/experts.csv?{Range}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = await LinesAsync(response);
        Assert.Equal("expert_id,expert,attributed_orders,attributed_revenue,currency,average_order_value,claimed_chats,converted_chats,conversion,revenue_per_chat,refunds,orders_other_currencies", lines[0]);
        Assert.Equal($"{world.XavierId:D},Xavier,3,100.00,GBP,50.00,3,2,0.6667,33.33,0.00,1", lines[1]);
        Assert.Equal($"{world.YasminId:D},Yasmin,2,40.00,GBP,20.00,3,2,0.6667,13.33,20.00,0", lines[2]);
    }

    [Fact]
    public async Task The_orders_csv_lists_each_order_with_local_time_and_how_it_matched()
    {
        var (merchantId, _) = await SalesScenario.SeedAsync(factory);
        var client = await AdminAsync(merchantId);

        var lines = await LinesAsync(await client.GetAsync($"/api/v1/reports/sales/orders.csv?{Range}&show=all"));

        Assert.Equal(7, lines.Count); // header and six orders of the three days
        Assert.StartsWith("order_id,placed_local,source,subtotal,net_revenue,currency,status,expert,store,matched_by,touch_local,window_days,rule,chat_id", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("O1,2026-10-25T00:30:00+01:00,Api,100.00,100.00,GBP,Placed,Xavier,North,Same chat session,", StringComparison.Ordinal) && l.Contains(",30,last-touch,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("O3,2026-10-26T12:00:00+00:00,Api,40.00,40.00,GBP,Placed,,,,,,,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_manager_gets_their_stores_rows_and_a_403_for_another_store()
    {
        var (merchantId, world) = await SalesScenario.SeedAsync(factory);
        var manager = await SalesScenario.SignInManagerAsync(factory, merchantId, world);

        var experts = await LinesAsync(await manager.GetAsync($"/api/v1/reports/sales/experts.csv?{Range}"));
        var orders = await LinesAsync(await manager.GetAsync($"/api/v1/reports/sales/orders.csv?{Range}&show=all"));
        using var other = await manager.GetAsync($"/api/v1/reports/sales/stores.csv?{Range}&store={world.SouthId}");

        Assert.Equal(2, experts.Count);
        Assert.StartsWith($"{world.XavierId:D},Xavier,", experts[1], StringComparison.Ordinal);
        Assert.Equal(["O5", "O4", "O1"], orders.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=2026-10-26&to=2026-10-24", "to")]
    [InlineData("period=fortnight", "period")]
    [InlineData("store=not-a-store", "store")]
    [InlineData("show=some", "show")]
    public async Task A_bad_filter_is_a_400_naming_the_field(string query, string field)
    {
        var (merchantId, _) = await SalesScenario.SeedAsync(factory, rebuild: false);
        var client = await AdminAsync(merchantId);

        using var response = await client.GetAsync($"/api/v1/reports/sales/orders.csv?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
    }

    private async Task<HttpClient> AdminAsync(Guid merchantId)
    {
        var email = await factory.InMerchantAsync(merchantId, db => Task.FromResult(db.StaffMembers.Where(s => s.Email.StartsWith("admin.")).Select(s => s.Email).Single()));
        return await factory.SignInAsync(email, TestMerchants.Password);
    }

    private static async Task<List<string>> LinesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        return [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
    }
}
