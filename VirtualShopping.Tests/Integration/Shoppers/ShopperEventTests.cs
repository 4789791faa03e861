using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Shoppers;
using VirtualShopping.Tests.Integration.Chats;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Shoppers;

/// <summary>
/// The widget's track() call over the real pipeline: events of every type stored against the shopper, bad ones
/// refused with problem details naming the field (nothing stored), cart changes shown to the expert of an open
/// chat (pushed and listed, never to the shopper), and no session posting for another shop.
/// </summary>
public sealed class ShopperEventTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    private static readonly string FortyOneCharacters = "Organic cotton crew-neck T-shirt, natural"; // 41 characters

    private static string EventsUrl(RoutingWorld world) => $"/api/v1/widget/{world.WidgetKey}/events";

    [Fact]
    public async Task Events_of_every_type_are_stored_against_the_shopper()
    {
        var world = await RoutingScenario.WorldAsync(factory, 0);
        var (shopper, _, shopperId) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        var shirt = new { id = "SKU-1", name = "Linen shirt", price = 44.5m, currency = "EUR", quantity = 2, brand = "Nord", category = "Shirts", variant = "Blue / M", url = "https://shop.example/p/1", image = "https://shop.example/p/1.jpg" };

        var ids = new List<Guid>();
        foreach (var body in new object[]
                 {
                     new { type = "detail", products = new[] { shirt }, pageUrl = "https://shop.example/p/1" },
                     new { type = "add", products = new[] { shirt } },
                     new { type = "remove", products = new object[] { new { id = "SKU-1" } } },
                     new { type = "purchase", purchase = new { id = "ORDER-1001", currency = "EUR", subtotal = 44.5m, total = 59.45m, tax = 8.9m, shipping = 6.05m }, products = new[] { shirt } },
                 })
        {
            var response = await shopper.PostAsJsonAsync(EventsUrl(world), body);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add((await response.Content.ReadAsync<Accepted>())!.Id);
        }

        var stored = await factory.InMerchantAsync(world.MerchantId, db => db.ShopperEvents.AsNoTracking().ToListAsync());
        Assert.Equal(ids.Order(), stored.Select(e => e.Id).Order());
        Assert.All(stored, e => Assert.Equal((shopperId, world.MerchantId, RoutingFactory.Monday11, (Guid?)null), (e.ShopperId, e.MerchantId, e.OccurredAt, e.ChatId)));
        var byType = stored.ToDictionary(e => e.Type);
        Assert.Equal([ShopperEventType.Detail, ShopperEventType.Add, ShopperEventType.Remove, ShopperEventType.Purchase], ids.Select(id => stored.Single(e => e.Id == id).Type));

        Assert.Equal("https://shop.example/p/1", byType[ShopperEventType.Detail].PageUrl);
        var added = Assert.Single(byType[ShopperEventType.Add].Products);
        Assert.Equal(("SKU-1", "Linen shirt", 44.5m, "EUR", 2), (added.Id, added.Name, added.Price, added.Currency, added.Quantity));
        Assert.Equal(("Nord", "Shirts", "Blue / M", "https://shop.example/p/1", "https://shop.example/p/1.jpg"), (added.Brand, added.Category, added.Variant, added.Url, added.Image));
        Assert.Equal(("SKU-1", 1), (byType[ShopperEventType.Remove].Products[0].Id, byType[ShopperEventType.Remove].Products[0].Quantity));

        var purchase = byType[ShopperEventType.Purchase];
        Assert.Equal(("ORDER-1001", "EUR", 44.5m, 59.45m, 8.9m, 6.05m), (purchase.PurchaseId, purchase.PurchaseCurrency, purchase.PurchaseSubtotal, purchase.PurchaseTotal, purchase.PurchaseTax, purchase.PurchaseShipping));
        Assert.Single(purchase.Products);

        // The cart followed add and remove; the purchase emptied it.
        var cart = await factory.InMerchantAsync(world.MerchantId, db => db.ShopperCarts.AsNoTracking().SingleAsync(c => c.ShopperId == shopperId));
        Assert.Empty(cart.Lines);
    }

    [Theory]
    [InlineData("""{"type":"checkout","products":[{"id":"a"}]}""", "type")]
    [InlineData("""{"type":5,"products":[{"id":"a"}]}""", "type")]
    [InlineData("""{"products":[{"id":"a"}]}""", "type")]
    [InlineData("""{"type":"add"}""", "products")]
    [InlineData("""{"type":"add","products":{"id":"a"}}""", "products")]
    [InlineData("""{"type":"add","products":[{"name":"No id"}]}""", "products[0].id")]
    [InlineData("""{"type":"add","products":[{"id":"a"},{"id":"b","price":"cheap"}]}""", "products[1].price")]
    [InlineData("""{"type":"add","products":[{"id":"a","price":-1}]}""", "products[0].price")]
    [InlineData("""{"type":"add","products":[{"id":"a","price":1.23456}]}""", "products[0].price")]
    [InlineData("""{"type":"add","products":[{"id":"a","quantity":1.5}]}""", "products[0].quantity")]
    [InlineData("""{"type":"add","products":[{"id":"a","quantity":0}]}""", "products[0].quantity")]
    [InlineData("""{"type":"add","products":[{"id":"a","currency":"EURO"}]}""", "products[0].currency")]
    [InlineData("""{"type":"add","products":[{"id":"a","url":"javascript:alert(1)"}]}""", "products[0].url")]
    [InlineData("""{"type":"add","products":[{"id":"a","image":"/p.jpg"}]}""", "products[0].image")]
    [InlineData("""{"type":"detail","products":[{"id":"a"}],"pageUrl":"not a url"}""", "pageUrl")]
    [InlineData("""{"type":"purchase","purchase":{"id":"o-1","subtotal":10}}""", "purchase.currency")]
    [InlineData("""{"type":"purchase","purchase":{"id":"o-1","currency":"EUR"}}""", "purchase.subtotal")]
    [InlineData("""{"type":"purchase","purchase":{"currency":"EUR","subtotal":10}}""", "purchase.id")]
    [InlineData("""{"type":"purchase","purchase":{"id":"o-1","currency":"EUR","subtotal":10,"tax":-1}}""", "purchase.tax")]
    [InlineData("""{"type":"purchase","purchase":{"id":"o-1","currency":"EUR","subtotal":"ten"}}""", "purchase.subtotal")]
    [InlineData("""{"type":"purchase"}""", "purchase")]
    [InlineData("""not json""", "body")]
    [InlineData("""{"type":"add","products":[{"id":"a"}""", "products[1]")]
    public async Task An_invalid_event_gets_400_naming_the_field_and_stores_nothing(string json, string field)
    {
        var world = await RoutingScenario.WorldAsync(factory, 0);
        var (shopper, _, _) = await ChatClients.ShopperAsync(factory, world.WidgetKey);

        var response = await shopper.PostAsync(EventsUrl(world), new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadAsync<ValidationProblemDetails>())!;
        Assert.True(problem.Errors.ContainsKey(field), $"Expected an error for '{field}', got: {string.Join(", ", problem.Errors.Keys)}");
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.ShopperEvents.CountAsync()));
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.ShopperCarts.CountAsync()));
    }

    [Fact]
    public async Task A_cart_change_in_an_open_chat_reaches_the_expert_but_never_the_shopper()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        var (shopper, shopperToken, _) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        await using var shopperHub = await HubEvents.ConnectAsync(factory, ShopperHub.Path, shopperToken, ChatClients.ShopperEvents);
        var chat = (await (await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats", new { departmentId = world.ShoesId, language = "en" })).Content.ReadAsync<ChatView>())!;
        var offer = await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);

        // While the chat waits, an add is kept in it for whoever claims it.
        var waiting = await shopper.PostAsJsonAsync(EventsUrl(world), new
        {
            type = "add",
            products = new object[]
            {
                new { id = "SKU-1", name = "Linen shirt", price = 44.5m, currency = "EUR", quantity = 2 },
                new { id = "SKU-2", name = FortyOneCharacters, price = 10m, currency = "EUR" },
            },
        });
        Assert.Equal(HttpStatusCode.Accepted, waiting.StatusCode);
        (await expert.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).EnsureSuccessStatusCode();

        var listed = (await expert.Api.GetJsonAsync<List<MessageView>>($"/api/v1/expert/chats/{chat.Id}/messages?after=0"))!;
        var first = Assert.Single(listed, m => m.Kind == MessageKind.Cart);
        Assert.Equal(MessageSender.Shopper, first.Sender);
        Assert.Equal($"Added to cart: Linen shirt × 2, a product × 1 · cart subtotal 99.00 EUR", first.Text);
        Assert.Equal(CartAction.Add, first.Cart!.Action);
        Assert.Equal([("Linen shirt", 2, 44.5m), (null, 1, 10m)], first.Cart.Products.Select(p => (p.Name, p.Quantity, p.Price)));
        Assert.Equal((99m, "EUR"), (first.Cart.Subtotal, first.Cart.Currency));

        // In the active chat, a removal is pushed to the expert at once, numbered after the messages before it.
        var removed = await shopper.PostAsJsonAsync(EventsUrl(world), new { type = "remove", products = new[] { new { id = "SKU-1", quantity = 1 } } });
        Assert.Equal(HttpStatusCode.Accepted, removed.StatusCode);
        var pushed = await expert.Hub.NextAsync<MessageView>(ChatHubEvents.MessageReceived, m => m.Kind == MessageKind.Cart);
        Assert.Equal(CartAction.Remove, pushed.Cart!.Action);
        Assert.Equal([("Linen shirt", 1, 44.5m, 1)], pushed.Cart.Products.Select(p => (p.Name, p.Quantity, p.Price, p.InCart)));
        Assert.Equal((54.5m, "EUR"), (pushed.Cart.Subtotal, pushed.Cart.Currency));
        Assert.Equal("Removed from cart: Linen shirt × 1 (1 in cart) · cart subtotal 54.50 EUR", pushed.Text);
        Assert.Equal(listed.Max(m => m.Sequence) + 1, pushed.Sequence);
        var expertSees = await expert.Hub.Connection.InvokeAsync<List<MessageView>>("MessagesSince", chat.Id, 0);
        Assert.Equal(2, expertSees.Count(m => m.Kind == MessageKind.Cart));

        // The shopper's side: the expert's next line arrives as their next push, no cart message before it; lists leave them out.
        var said = await expert.Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/messages", new { text = "Good choice!", clientMessageId = "e-1" });
        Assert.Equal(HttpStatusCode.Created, said.StatusCode);
        MessageView atShopper;
        do
        {
            atShopper = await shopperHub.NextAsync<MessageView>(ChatHubEvents.MessageReceived);
            Assert.NotEqual(MessageKind.Cart, atShopper.Kind);
        }
        while (atShopper.Text != "Good choice!");

        var shopperList = (await shopper.GetJsonAsync<List<MessageView>>($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/messages?after=0"))!;
        Assert.DoesNotContain(shopperList, m => m.Kind == MessageKind.Cart || m.Text.Contains("cart", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(shopperList, m => m.Text == "Good choice!");
        var shopperCatchUp = await shopperHub.Connection.InvokeAsync<List<MessageView>>("MessagesSince", chat.Id, 0);
        Assert.Equal(shopperList.Select(m => m.Sequence), shopperCatchUp.Select(m => m.Sequence));

        // Both events are kept against the chat.
        var events = await factory.InMerchantAsync(world.MerchantId, db => db.ShopperEvents.AsNoTracking().ToListAsync());
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(chat.Id, e.ChatId));
    }

    [Fact]
    public async Task Product_views_and_purchases_in_an_open_chat_are_stored_without_a_message()
    {
        var world = await RoutingScenario.WorldAsync(factory, 0);
        var (shopper, chat) = await RoutingScenario.ChatAsync(factory, world);
        var before = await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.CountAsync(m => m.ChatId == chat.Id));

        var detail = await shopper.PostAsJsonAsync(EventsUrl(world), new { type = "detail", products = new[] { new { id = "SKU-1", name = "Linen shirt" } } });
        var purchase = await shopper.PostAsJsonAsync(EventsUrl(world), new { type = "purchase", purchase = new { id = "ORDER-7", currency = "GBP", subtotal = 12.34m } });

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (detail.StatusCode, purchase.StatusCode));
        Assert.Equal(before, await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.CountAsync(m => m.ChatId == chat.Id)));
        var events = await factory.InMerchantAsync(world.MerchantId, db => db.ShopperEvents.AsNoTracking().OrderBy(e => e.Type).ToListAsync());
        Assert.Equal([(ShopperEventType.Detail, (Guid?)chat.Id), (ShopperEventType.Purchase, chat.Id)], events.Select(e => (e.Type, e.ChatId)));
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.ShopperCarts.CountAsync()));
    }

    [Fact]
    public async Task Adds_sent_at_the_same_time_all_count_in_the_cart()
    {
        var world = await RoutingScenario.WorldAsync(factory, 0);
        var (shopper, _, shopperId) = await ChatClients.ShopperAsync(factory, world.WidgetKey);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            shopper.PostAsJsonAsync(EventsUrl(world), new { type = "add", products = new[] { new { id = "SKU-1", name = "Linen shirt", price = 44.5m, currency = "EUR" } } })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var cart = await factory.InMerchantAsync(world.MerchantId, db => db.ShopperCarts.AsNoTracking().SingleAsync(c => c.ShopperId == shopperId));
        Assert.Equal(("SKU-1", 6), (Assert.Single(cart.Lines).ProductId, cart.Lines[0].Quantity));
        Assert.Equal(6, await factory.InMerchantAsync(world.MerchantId, db => db.ShopperEvents.CountAsync()));
    }

    [Fact]
    public async Task No_session_posts_events_for_another_shop_or_another_shopper()
    {
        var ours = await RoutingScenario.WorldAsync(factory, 0);
        var theirs = await RoutingScenario.WorldAsync(factory, 0);
        var (ourShopper, _, ourShopperId) = await ChatClients.ShopperAsync(factory, ours.WidgetKey);
        var (_, theirChat) = await RoutingScenario.ChatAsync(factory, theirs);
        var theirShopperId = await factory.InMerchantAsync(theirs.MerchantId, db => db.Chats.Where(c => c.Id == theirChat.Id).Select(c => c.ShopperId).SingleAsync());
        var add = new { type = "add", products = new[] { new { id = "SKU-1", name = "Linen shirt", price = 1m } }, shopperId = theirShopperId, chatId = theirChat.Id };

        // Our session with their key: refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await ourShopper.PostAsJsonAsync(EventsUrl(theirs), add)).StatusCode);

        // No session, a made-up token, an unknown key: refused.
        var anonymous = factory.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(EventsUrl(theirs), add)).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(EventsUrl(theirs), add)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ourShopper.PostAsJsonAsync("/api/v1/widget/no-such-key/events", add)).StatusCode);

        // With our key, naming their shopper and chat in the body changes nothing of theirs: the event is ours.
        Assert.Equal(HttpStatusCode.Accepted, (await ourShopper.PostAsJsonAsync(EventsUrl(ours), add)).StatusCode);
        Assert.Equal(0, await factory.InMerchantAsync(theirs.MerchantId, db => db.ShopperEvents.CountAsync()));
        Assert.Equal(0, await factory.InMerchantAsync(theirs.MerchantId, db => db.ChatMessages.CountAsync(m => m.Kind == MessageKind.Cart)));
        var ourEvent = await factory.InMerchantAsync(ours.MerchantId, db => db.ShopperEvents.AsNoTracking().SingleAsync());
        Assert.Equal((ourShopperId, (Guid?)null), (ourEvent.ShopperId, ourEvent.ChatId));
    }

    private sealed record Accepted(Guid Id);
}
