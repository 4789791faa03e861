using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Tests.Integration.Chats;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Orders;

/// <summary>The widget's track({type: 'purchase'}) becomes one order of the session's shopper, credited to the expert the shopper chatted with.</summary>
public sealed class WidgetPurchaseOrderTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    private async Task<(RoutingWorld World, ChatView Chat, Guid ShopperId, HttpClient Shopper, ExpertSession Expert)> ClaimedChatAsync()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        var (shopper, _, shopperId) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        var chat = (await (await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats", new { departmentId = world.ShoesId, language = "en" })).Content.ReadAsync<ChatView>())!;
        var offer = await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        (await expert.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).EnsureSuccessStatusCode();
        return (world, chat, shopperId, shopper, expert);
    }

    [Fact]
    public async Task An_api_order_carrying_the_widgets_shopper_id_is_credited_to_the_chats_expert()
    {
        var (world, chat, shopperId, _, expert) = await ClaimedChatAsync();
        await using var _ = expert;
        var api = OrderApiKeys.Client(factory, (await OrderApiKeys.CreateAsync(factory, world.MerchantId)).Key);

        var response = await api.PostAsJsonAsync("/api/v1/orders", new { id = "API-77", currency = "EUR", subtotal = 20m, shopperId });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var credit = (await response.Content.ReadAsync<Web.Features.Orders.OrderView>())!.Attribution;
        Assert.Equal((world.Experts[0].Id, world.StoreId, chat.Id, AttributionMatch.Session, 30), (credit!.ExpertId, credit.StoreId, credit.ChatId, credit.Match, credit.WindowDays));
    }

    [Fact]
    public async Task A_purchase_after_a_chat_becomes_one_order_credited_to_the_chats_expert_and_a_repeated_purchase_event_adds_none()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        var (shopper, _, shopperId) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        var chat = (await (await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats", new { departmentId = world.ShoesId, language = "en" })).Content.ReadAsync<ChatView>())!;
        var offer = await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        (await expert.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).EnsureSuccessStatusCode();
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        var purchase = new { type = "purchase", purchase = new { id = "W-5001", currency = "EUR", subtotal = 89.9m, total = 99.9m } };

        var first = await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/events", purchase);
        var second = await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/events", purchase);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        var order = Assert.Single(await factory.InMerchantAsync(world.MerchantId, db => db.Orders.AsNoTracking().ToListAsync()));
        Assert.Equal(("W-5001", OrderSource.Widget, "EUR", 89.9m, 99.9m, (Guid?)shopperId), (order.ExternalId, order.Source, order.Currency, order.Subtotal, order.Total, order.ShopperId));
        Assert.Equal(factory.Clock.GetUtcNow(), order.PlacedAt);
        Assert.Equal((world.Experts[0].Id, world.StoreId, chat.Id, AttributionMatch.Session, AttributionTouchKind.Chat), (order.AttributedStaffMemberId, order.AttributedStoreId, order.AttributionChatId, order.AttributionMatch, order.AttributionTouch));
        Assert.Equal(AttributionRule.Name, order.AttributionRuleName);

        // Both events are kept as the shopper's history.
        Assert.Equal(2, await factory.InMerchantAsync(world.MerchantId, db => db.ShopperEvents.CountAsync(e => e.PurchaseId == "W-5001")));
    }
}
