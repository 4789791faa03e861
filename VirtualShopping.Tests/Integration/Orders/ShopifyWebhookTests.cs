using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Secrets;
using VirtualShopping.Tests.Integration.Chats;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Orders;

namespace VirtualShopping.Tests.Integration.Orders;

/// <summary>
/// Shopify's orders webhook over the real pipeline: a signed orders/create, refunds/create and orders/cancelled
/// are stored; a forged signature, a tampered body, an unknown or switched-off shop are refused (401) and a stale
/// delivery (400), with nothing stored; a replayed delivery id changes nothing.
/// </summary>
public sealed class ShopifyWebhookTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    private const string Secret = "shpss_0123456789abcdef0123456789abcdef";

    private async Task<(RoutingWorld World, string Domain)> ShopAsync(bool enabled = true)
    {
        var world = await RoutingScenario.WorldAsync(factory, 0);
        var domain = $"shop-{world.MerchantId:N}.myshopify.com";
        var secrets = factory.Services.GetRequiredService<SecretProtector>();
        await factory.InMerchantAsync(world.MerchantId, async db =>
        {
            db.IntegrationSettings.Add(new IntegrationSettings { ShopifyEnabled = enabled, ShopifyShopDomain = domain, ShopifyWebhookSecretProtected = secrets.Protect(Secret), ShopifyWebhookSecretHint = IntegrationSettings.HintFor(Secret) });
            return await db.SaveChangesAsync();
        });
        return (world, domain);
    }

    private static string OrderJson(string id = "820982911946154508", string subtotal = "199.65") => $$$"""
        {"id":{{{id}}},"admin_graphql_api_id":"gid://shopify/Order/{{{id}}}","email":"Jon@Example.com","created_at":"2026-11-23T05:30:00-05:00",
         "currency":"USD","subtotal_price":"{{{subtotal}}}","total_price":"226.87","total_tax":"17.22",
         "total_shipping_price_set":{"shop_money":{"amount":"10.00","currency_code":"USD"}},
         "landing_site":"/products/boots?utm_source=vs&utm_content=abcdEFGH2345","cancelled_at":null,
         "note_attributes":[{"name":"vs_browser","value":"0123456789abcdef0123456789abcdef"}],"line_items":[{"id":1,"price":"199.65","quantity":1}]}
        """;

    private HttpRequestMessage Delivery(string domain, string topic, string body, string? signature = null, string? webhookId = null, DateTimeOffset? triggeredAt = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ShopifyWebhookEndpoints.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Shopify-Shop-Domain", domain);
        request.Headers.Add("X-Shopify-Topic", topic);
        request.Headers.Add("X-Shopify-Hmac-Sha256", signature ?? ShopifySignature.Of(Secret, Encoding.UTF8.GetBytes(body)));
        request.Headers.Add("X-Shopify-Webhook-Id", webhookId ?? Guid.NewGuid().ToString());
        request.Headers.Add("X-Shopify-Triggered-At", (triggeredAt ?? factory.Clock.GetUtcNow()).ToString("O", CultureInfo.InvariantCulture));
        return request;
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => factory.CreateAnonymousClient().SendAsync(request);

    private Task<List<Order>> OrdersOfAsync(Guid merchantId) => factory.InMerchantAsync(merchantId, db => db.Orders.AsNoTracking().ToListAsync());

    private Task<int> ReceiptsOfAsync(Guid merchantId) => factory.InMerchantAsync(merchantId, db => db.WebhookReceipts.CountAsync());

    [Fact]
    public async Task A_signed_orders_create_is_stored_with_shopifys_amounts_token_and_email_hash()
    {
        var (world, domain) = await ShopAsync();

        var response = await SendAsync(Delivery(domain, "orders/create", OrderJson()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("created", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var order = Assert.Single(await OrdersOfAsync(world.MerchantId));
        Assert.Equal(("820982911946154508", OrderSource.Shopify, "USD", 199.65m, 226.87m, 17.22m, 10.00m), (order.ExternalId, order.Source, order.Currency, order.Subtotal, order.Total, order.Tax, order.Shipping));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 30, 0, TimeSpan.Zero), order.PlacedAt);
        Assert.Equal(("abcdEFGH2345", "0123456789abcdef0123456789abcdef", ShopperEmailHash.Of("jon@example.com")), (order.ShareToken, order.BrowserId, order.CustomerEmailHash));
        Assert.Equal(1, await ReceiptsOfAsync(world.MerchantId));
    }

    [Fact]
    public async Task A_replayed_delivery_id_is_answered_200_and_stores_nothing_more()
    {
        var (world, domain) = await ShopAsync();
        (await SendAsync(Delivery(domain, "orders/create", OrderJson("1001"), webhookId: "delivery-1"))).EnsureSuccessStatusCode();

        // The same delivery id, even with another (signed) body: nothing is applied.
        var replay = await SendAsync(Delivery(domain, "orders/create", OrderJson("1002"), webhookId: "delivery-1"));

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("duplicate", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("1001", Assert.Single(await OrdersOfAsync(world.MerchantId)).ExternalId);
        Assert.Equal(1, await ReceiptsOfAsync(world.MerchantId));

        // A new delivery of the same order (Shopify sends one per subscription) is stored once too.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(Delivery(domain, "orders/create", OrderJson("1001"), webhookId: "delivery-2"))).StatusCode);
        Assert.Single(await OrdersOfAsync(world.MerchantId));
    }

    [Fact]
    public async Task A_forged_signature_a_tampered_body_an_unknown_or_switched_off_shop_get_401_and_nothing_is_stored()
    {
        var (world, domain) = await ShopAsync();
        var (off, offDomain) = await ShopAsync(enabled: false);
        var body = OrderJson();
        var forged = ShopifySignature.Of("someone-elses-secret", Encoding.UTF8.GetBytes(body));
        var tampered = OrderJson(subtotal: "1.00");

        foreach (var request in new[]
                 {
                     Delivery(domain, "orders/create", body, signature: forged),
                     Delivery(domain, "orders/create", tampered, signature: ShopifySignature.Of(Secret, Encoding.UTF8.GetBytes(body))),
                     Delivery(domain, "orders/create", body, signature: "not base64!"),
                     Delivery("unknown-shop.myshopify.com", "orders/create", body),
                     Delivery(offDomain, "orders/create", body),
                 })
        {
            var response = await SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Empty(await OrdersOfAsync(world.MerchantId));
        Assert.Empty(await OrdersOfAsync(off.MerchantId));
        Assert.Equal(0, await ReceiptsOfAsync(world.MerchantId));
    }

    [Fact]
    public async Task When_two_merchants_name_the_same_shop_only_the_one_whose_secret_signed_the_delivery_gets_it()
    {
        var (owner, domain) = await ShopAsync();
        var squatter = await RoutingScenario.WorldAsync(factory, 0);
        var secrets = factory.Services.GetRequiredService<SecretProtector>();
        await factory.InMerchantAsync(squatter.MerchantId, async db =>
        {
            db.IntegrationSettings.Add(new IntegrationSettings { ShopifyEnabled = true, ShopifyShopDomain = domain, ShopifyWebhookSecretProtected = secrets.Protect("squatters-own-secret") });
            return await db.SaveChangesAsync();
        });

        (await SendAsync(Delivery(domain, "orders/create", OrderJson("3001")))).EnsureSuccessStatusCode();

        Assert.Equal("3001", Assert.Single(await OrdersOfAsync(owner.MerchantId)).ExternalId);
        Assert.Empty(await OrdersOfAsync(squatter.MerchantId));
    }

    [Fact]
    public async Task A_delivery_triggered_more_than_a_day_ago_is_refused_and_stores_nothing()
    {
        var (world, domain) = await ShopAsync();
        var now = factory.Clock.GetUtcNow();

        var stale = await SendAsync(Delivery(domain, "orders/create", OrderJson(), triggeredAt: now - ShopifyWebhookEndpoints.MaxAge - TimeSpan.FromSeconds(1)));

        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        var problem = (await stale.Content.ReadAsync<ValidationProblemDetails>())!;
        Assert.True(problem.Errors.ContainsKey("X-Shopify-Triggered-At"));
        Assert.Empty(await OrdersOfAsync(world.MerchantId));
        Assert.Equal(0, await ReceiptsOfAsync(world.MerchantId));

        // Shopify's last retry, four hours on, is still taken.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(Delivery(domain, "orders/create", OrderJson(), triggeredAt: now.AddHours(-4)))).StatusCode);
    }

    [Fact]
    public async Task A_signed_order_without_its_currency_is_refused_naming_shopifys_field()
    {
        var (world, domain) = await ShopAsync();
        var body = OrderJson().Replace("\"currency\":\"USD\",", string.Empty, StringComparison.Ordinal).Replace("\"subtotal_price\":\"199.65\"", "\"subtotal_price\":\"-1\"", StringComparison.Ordinal);

        var response = await SendAsync(Delivery(domain, "orders/create", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadAsync<ValidationProblemDetails>())!;
        Assert.Equal(["currency", "subtotal_price"], problem.Errors.Keys.Order());
        Assert.Empty(await OrdersOfAsync(world.MerchantId));
        Assert.Equal(0, await ReceiptsOfAsync(world.MerchantId));
    }

    [Fact]
    public async Task Refunds_take_off_successful_refund_transactions_up_to_the_subtotal_and_a_cancellation_zeroes_the_order()
    {
        var (world, domain) = await ShopAsync();
        (await SendAsync(Delivery(domain, "orders/create", OrderJson("5001", "100.00")))).EnsureSuccessStatusCode();
        const string refund = """
            {"id":900001,"order_id":5001,"created_at":"2026-11-23T06:00:00-05:00","note":"damaged",
             "transactions":[{"id":1,"kind":"refund","status":"success","amount":"30.00"},{"id":2,"kind":"refund","status":"failure","amount":"50.00"}]}
            """;

        var refunded = await SendAsync(Delivery(domain, "refunds/create", refund));
        Assert.Equal(HttpStatusCode.OK, refunded.StatusCode);
        var order = Assert.Single(await OrdersOfAsync(world.MerchantId));
        Assert.Equal((OrderStatus.PartlyRefunded, 30m, 70m), (order.Status, order.RefundedAmount, order.NetRevenue));

        // The same refund again (a new delivery of it) changes nothing; one with tax and shipping is capped at the subtotal.
        (await SendAsync(Delivery(domain, "refunds/create", refund))).EnsureSuccessStatusCode();
        var rest = refund.Replace("900001", "900002", StringComparison.Ordinal).Replace("\"30.00\"", "\"95.00\"", StringComparison.Ordinal);
        (await SendAsync(Delivery(domain, "refunds/create", rest))).EnsureSuccessStatusCode();
        order = Assert.Single(await OrdersOfAsync(world.MerchantId));
        Assert.Equal((OrderStatus.Refunded, 100m, 0m), (order.Status, order.RefundedAmount, order.NetRevenue));

        var cancelled = await SendAsync(Delivery(domain, "orders/cancelled", """{"id":5001,"cancelled_at":"2026-11-23T05:50:00-05:00","cancel_reason":"customer"}"""));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        order = Assert.Single(await OrdersOfAsync(world.MerchantId));
        Assert.Equal((OrderStatus.Cancelled, new DateTimeOffset(2026, 11, 23, 10, 50, 0, TimeSpan.Zero)), (order.Status, order.CancelledAt));
    }

    [Fact]
    public async Task A_refund_before_its_order_is_answered_404_so_shopify_retries_and_other_topics_are_ignored()
    {
        var (world, domain) = await ShopAsync();

        var early = await SendAsync(Delivery(domain, "refunds/create", """{"id":1,"order_id":777,"transactions":[{"kind":"refund","status":"success","amount":"5.00"}]}""", webhookId: "early"));
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        Assert.Equal(0, await ReceiptsOfAsync(world.MerchantId));

        var other = await SendAsync(Delivery(domain, "products/update", """{"id":1}"""));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Contains("ignored", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await OrdersOfAsync(world.MerchantId));
    }
}
