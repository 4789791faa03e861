using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Tests.Integration.Chats;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Orders;

namespace VirtualShopping.Tests.Integration.Orders;

/// <summary>
/// The order API over the real pipeline: orders stored once per id (repeats and races), refunds (partial, full,
/// too much, repeated) and cancellation, every kind of bad input refused naming its field with nothing stored, and
/// API keys that are unknown, malformed, revoked or another merchant's.
/// </summary>
public sealed class OrderApiTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    private async Task<(RoutingWorld World, HttpClient Api, CreatedApiKey Key)> MerchantAsync()
    {
        var world = await RoutingScenario.WorldAsync(factory, 0);
        var key = await OrderApiKeys.CreateAsync(factory, world.MerchantId);
        return (world, OrderApiKeys.Client(factory, key.Key), key);
    }

    private Task<List<Order>> OrdersOfAsync(Guid merchantId) =>
        factory.InMerchantAsync(merchantId, db => db.Orders.AsNoTracking().ToListAsync());

    private Task<List<OrderAdjustment>> AdjustmentsOfAsync(Guid merchantId) =>
        factory.InMerchantAsync(merchantId, db => db.OrderAdjustments.AsNoTracking().ToListAsync());

    [Fact]
    public async Task A_new_order_is_stored_with_201_and_a_repeated_delivery_returns_it_with_200_changing_nothing()
    {
        var (world, api, _) = await MerchantAsync();
        var now = factory.Clock.GetUtcNow();
        var body = new { id = "A-1001", currency = "eur", subtotal = 100.50m, total = 121.61m, tax = 21.11m, shipping = 0m, placedAt = now.AddHours(-1), email = "Ann@Example.com", shareToken = "abcdEFGH2345" };

        var created = await api.PostAsJsonAsync("/api/v1/orders", body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/orders/A-1001", created.Headers.Location?.OriginalString);
        var view = (await created.Content.ReadAsync<OrderView>())!;
        Assert.Equal(("A-1001", OrderSource.Api, "EUR", 100.50m, 121.61m, OrderStatus.Placed, 100.50m), (view.Id, view.Source, view.Currency, view.Subtotal, view.Total, view.Status, view.NetRevenue));
        var stored = Assert.Single(await OrdersOfAsync(world.MerchantId));
        Assert.Equal(ShopperEmailHash.Of("ann@example.com"), stored.CustomerEmailHash);
        Assert.Equal(("abcdEFGH2345", now.AddHours(-1), now), (stored.ShareToken, stored.PlacedAt, stored.ReceivedAt));
        Assert.NotNull(stored.AttributedAt); // attribution ran (no touch: unattributed)
        Assert.Null(stored.AttributedStaffMemberId);

        // The same order again, even with other amounts: the stored one comes back and nothing changes.
        var repeated = await api.PostAsJsonAsync("/api/v1/orders", body with { subtotal = 999m });
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(100.50m, (await repeated.Content.ReadAsync<OrderView>())!.Subtotal);
        Assert.Equal(100.50m, Assert.Single(await OrdersOfAsync(world.MerchantId)).Subtotal);

        var fetched = await api.GetJsonAsync<OrderView>("/api/v1/orders/A-1001");
        Assert.Equal(view, fetched);
    }

    [Fact]
    public async Task Deliveries_of_one_order_racing_each_other_store_it_once()
    {
        var (world, api, _) = await MerchantAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            api.PostAsJsonAsync("/api/v1/orders", new { id = "RACE-1", currency = "EUR", subtotal = 10m })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Single(await OrdersOfAsync(world.MerchantId));
    }

    [Fact]
    public async Task Partial_refunds_leave_it_partly_refunded_until_the_subtotal_is_refunded_and_a_repeated_refund_changes_nothing()
    {
        var (world, api, _) = await MerchantAsync();
        (await api.PostAsJsonAsync("/api/v1/orders", new { id = "R-1", currency = "GBP", subtotal = 100m, total = 120m })).EnsureSuccessStatusCode();

        var first = await api.PostAsJsonAsync("/api/v1/orders/R-1/refunds", new { id = "refund-1", amount = 30m });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var partly = (await first.Content.ReadAsync<OrderView>())!;
        Assert.Equal((OrderStatus.PartlyRefunded, 30m, 70m), (partly.Status, partly.RefundedAmount, partly.NetRevenue));

        var again = await api.PostAsJsonAsync("/api/v1/orders/R-1/refunds", new { id = "refund-1", amount = 30m });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(30m, (await again.Content.ReadAsync<OrderView>())!.RefundedAmount);

        // More than is left of the subtotal is refused, naming the amount; nothing is stored.
        var tooMuch = await api.PostAsJsonAsync("/api/v1/orders/R-1/refunds", new { id = "refund-2", amount = 70.01m });
        await AssertProblemNamesAsync(tooMuch, "amount");

        var rest = await api.PostAsJsonAsync("/api/v1/orders/R-1/refunds", new { id = "refund-3", amount = 70m });
        Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
        var order = Assert.Single(await OrdersOfAsync(world.MerchantId));
        Assert.Equal((OrderStatus.Refunded, 100m, 0m), (order.Status, order.RefundedAmount, order.NetRevenue));
        Assert.Equal(["refund-1", "refund-3"], (await AdjustmentsOfAsync(world.MerchantId)).Select(a => a.ExternalId).Order());
    }

    [Fact]
    public async Task Two_refunds_at_once_both_count()
    {
        var (world, api, _) = await MerchantAsync();
        (await api.PostAsJsonAsync("/api/v1/orders", new { id = "R-2", currency = "EUR", subtotal = 100m })).EnsureSuccessStatusCode();

        var responses = await Task.WhenAll(Enumerable.Range(1, 4).Select(i =>
            api.PostAsJsonAsync("/api/v1/orders/R-2/refunds", new { id = $"refund-{i}", amount = 10m })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(40m, Assert.Single(await OrdersOfAsync(world.MerchantId)).RefundedAmount);
    }

    [Fact]
    public async Task A_cancelled_order_counts_for_nothing_and_cancelling_again_changes_nothing()
    {
        var (world, api, _) = await MerchantAsync();
        (await api.PostAsJsonAsync("/api/v1/orders", new { id = "C-1", currency = "EUR", subtotal = 80m })).EnsureSuccessStatusCode();

        var cancelled = await api.PostAsJsonAsync("/api/v1/orders/C-1/cancellation", new { cancelledAt = RoutingFactory.Monday11.AddMinutes(-3) });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var view = (await cancelled.Content.ReadAsync<OrderView>())!;
        Assert.Equal((OrderStatus.Cancelled, 0m, RoutingFactory.Monday11.AddMinutes(-3)), (view.Status, view.NetRevenue, view.CancelledAt));

        var again = await api.PostAsync("/api/v1/orders/C-1/cancellation", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(RoutingFactory.Monday11.AddMinutes(-3), (await again.Content.ReadAsync<OrderView>())!.CancelledAt);
        Assert.Single(await AdjustmentsOfAsync(world.MerchantId));

        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("/api/v1/orders/NO-SUCH/cancellation", null)).StatusCode);
    }

    [Theory]
    [InlineData("""{"currency":"EUR","subtotal":10}""", "id")]
    [InlineData("""{"id":"  ","currency":"EUR","subtotal":10}""", "id")]
    [InlineData("""{"id":"B-1","subtotal":10}""", "currency")]
    [InlineData("""{"id":"B-1","currency":"EUR"}""", "subtotal")]
    [InlineData("""{"id":"B-1","currency":"XYZ","subtotal":10}""", "currency")]
    [InlineData("""{"id":"B-1","currency":"EURO","subtotal":10}""", "currency")]
    [InlineData("""{"id":"B-1","currency":"EUR","subtotal":-0.01}""", "subtotal")]
    [InlineData("""{"id":"B-1","currency":"EUR","subtotal":10,"total":-5}""", "total")]
    [InlineData("""{"id":"B-1","currency":"EUR","subtotal":10,"tax":-1}""", "tax")]
    [InlineData("""{"id":"B-1","currency":"EUR","subtotal":1.23456}""", "subtotal")]
    [InlineData("""{"id":"B-1","currency":"EUR","subtotal":1000000000}""", "subtotal")]
    [InlineData("""{"id":"B-1","currency":"EUR","subtotal":"ten"}""", "subtotal")]
    [InlineData("""{"id":"B-1","currency":"EUR","subtotal":10,"placedAt":"2026-11-23T12:00:00Z"}""", "placedAt")]
    [InlineData("""{"id":"B-1","currency":"EUR","subtotal":10,"email":"not-an-email"}""", "email")]
    [InlineData("""{"id":"B-1","currency":"EUR","subtotal":10,"shareToken":"short"}""", "shareToken")]
    [InlineData("""{"id":"B-1","currency":"EUR","subtotal":10,"shopperId":"00000000-0000-0000-0000-000000000000"}""", "shopperId")]
    [InlineData("""{"id":"B-1","currency":"EUR","subtotal":10,"browserId":"has spaces"}""", "browserId")]
    [InlineData("""not json""", "body")]
    public async Task A_bad_order_gets_400_naming_the_field_and_stores_nothing(string json, string field)
    {
        var (world, api, _) = await MerchantAsync();

        var response = await api.PostAsync("/api/v1/orders", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertProblemNamesAsync(response, field);
        Assert.Empty(await OrdersOfAsync(world.MerchantId));
    }

    [Fact]
    public async Task An_order_placed_up_to_five_minutes_ahead_of_our_clock_is_taken()
    {
        var (world, api, _) = await MerchantAsync();

        var response = await api.PostAsJsonAsync("/api/v1/orders", new { id = "SKEW-1", currency = "EUR", subtotal = 10m, placedAt = factory.Clock.GetUtcNow().AddMinutes(5) });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(await OrdersOfAsync(world.MerchantId));
    }

    [Theory]
    [InlineData("""{"amount":5}""", "id")]
    [InlineData("""{"id":"r-1"}""", "amount")]
    [InlineData("""{"id":"r-1","amount":0}""", "amount")]
    [InlineData("""{"id":"r-1","amount":-5}""", "amount")]
    [InlineData("""{"id":"r-1","amount":1.00001}""", "amount")]
    [InlineData("""{"id":"r-1","amount":5,"refundedAt":"2030-01-01T00:00:00Z"}""", "refundedAt")]
    public async Task A_bad_refund_gets_400_naming_the_field_and_stores_nothing(string json, string field)
    {
        var (world, api, _) = await MerchantAsync();
        (await api.PostAsJsonAsync("/api/v1/orders", new { id = "BR-1", currency = "EUR", subtotal = 50m })).EnsureSuccessStatusCode();

        var response = await api.PostAsync("/api/v1/orders/BR-1/refunds", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertProblemNamesAsync(response, field);
        Assert.Empty(await AdjustmentsOfAsync(world.MerchantId));
        Assert.Equal(0m, Assert.Single(await OrdersOfAsync(world.MerchantId)).RefundedAmount);
    }

    [Fact]
    public async Task Requests_without_a_valid_key_get_a_401_problem_and_store_nothing()
    {
        var (world, _, key) = await MerchantAsync();
        var revoked = await OrderApiKeys.CreateAsync(factory, world.MerchantId, "Old system");
        await OrderApiKeys.RevokeAsync(factory, world.MerchantId, revoked.Row.Id);
        var wrongSecret = key.Key[..^4] + (key.Key.EndsWith("aaaa", StringComparison.Ordinal) ? "bbbb" : "aaaa");
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail); // a signed-in HQ admin's cookie is no API key
        var order = new { id = "K-1", currency = "EUR", subtotal = 10m };

        foreach (var client in new[]
                 {
                     factory.CreateAnonymousClient(),
                     OrderApiKeys.Client(factory, "not-a-key"),
                     OrderApiKeys.Client(factory, "vsk_aaaaaaaaaa_" + new string('a', 40)),
                     OrderApiKeys.Client(factory, wrongSecret),
                     OrderApiKeys.Client(factory, revoked.Key),
                     admin,
                 })
        {
            var response = await client.PostAsJsonAsync("/api/v1/orders", order);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Empty(await OrdersOfAsync(world.MerchantId));
    }

    [Fact]
    public async Task Another_merchants_key_only_reaches_its_own_merchants_orders()
    {
        var (mine, api, _) = await MerchantAsync();
        var (theirs, theirApi, _) = await MerchantAsync();
        (await api.PostAsJsonAsync("/api/v1/orders", new { id = "X-1", currency = "EUR", subtotal = 40m })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await theirApi.GetAsync("/api/v1/orders/X-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirApi.PostAsJsonAsync("/api/v1/orders/X-1/refunds", new { id = "r", amount = 40m })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirApi.PostAsync("/api/v1/orders/X-1/cancellation", null)).StatusCode);

        // The same order id from the other merchant is that merchant's own order; mine is untouched.
        Assert.Equal(HttpStatusCode.Created, (await theirApi.PostAsJsonAsync("/api/v1/orders", new { id = "X-1", currency = "EUR", subtotal = 1m })).StatusCode);
        var order = Assert.Single(await OrdersOfAsync(mine.MerchantId));
        Assert.Equal((40m, OrderStatus.Placed, 0m), (order.Subtotal, order.Status, order.RefundedAmount));
        Assert.Equal(1m, Assert.Single(await OrdersOfAsync(theirs.MerchantId)).Subtotal);
    }

    [Fact]
    public async Task A_keys_last_use_is_recorded_at_most_once_a_minute()
    {
        var (world, api, key) = await MerchantAsync();
        Task<DateTimeOffset?> LastUsedAsync() => factory.InMerchantAsync(world.MerchantId, db => db.MerchantApiKeys.Where(k => k.Id == key.Row.Id).Select(k => k.LastUsedAt).SingleAsync());
        var start = factory.Clock.GetUtcNow();

        await api.GetAsync("/api/v1/orders/none");
        Assert.Equal(start, await LastUsedAsync());

        factory.Clock.Advance(TimeSpan.FromSeconds(59));
        await api.GetAsync("/api/v1/orders/none");
        Assert.Equal(start, await LastUsedAsync());

        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        await api.GetAsync("/api/v1/orders/none");
        Assert.Equal(start.AddSeconds(61), await LastUsedAsync());
    }

    private static async Task AssertProblemNamesAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadAsync<ValidationProblemDetails>())!;
        Assert.True(problem.Errors.ContainsKey(field), $"Expected an error for '{field}', got: {string.Join(", ", problem.Errors.Keys)}");
    }
}
