using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Products;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Tests.Integration.Chats.Actions;

/// <summary>The Store App's product picker: search, favourites and product cards sent in a chat, with refusals for the rest.</summary>
public sealed class ExpertProductTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    private async Task<Dictionary<string, Guid>> AddProductsAsync(Guid merchantId)
    {
        Product[] products =
        [
            TestProducts.New(merchantId, "TRB-42", "Ridgeline Hiking Boot", "Northfell", 159m, sale: 119m, gtin: "5060123456021", color: "Brown", size: "42"),
            TestProducts.New(merchantId, "DPJ-NAV", "Cairn Down Jacket", "Fellstride", 189m, color: "Navy"),
            TestProducts.New(merchantId, "TNT-S2", "Summit 2 Tent", "Skerry", 299m, availability: ProductAvailability.Preorder),
        ];
        await factory.InMerchantAsync(merchantId, db =>
        {
            db.Products.AddRange(products);
            return db.SaveChangesAsync();
        });
        return products.ToDictionary(p => p.ExternalId, p => p.Id);
    }

    [Fact]
    public async Task The_expert_searches_and_stars_products_and_their_stars_come_first_for_them_only()
    {
        var world = await RoutingScenario.WorldAsync(factory, 2);
        var ids = await AddProductsAsync(world.MerchantId);
        var (api, _) = await ChatClients.ExpertAsync(factory, world.Experts[0].Email);
        var (other, _) = await ChatClients.ExpertAsync(factory, world.Experts[1].Email);

        var json = await api.GetStringAsync("/api/v1/expert/products?q=northfell");
        using (var found = JsonDocument.Parse(json))
        {
            var boot = Assert.Single(found.RootElement.EnumerateArray());
            Assert.Equal("TRB-42", boot.GetProperty("externalId").GetString());
            Assert.Equal("Brown, 42", boot.GetProperty("variant").GetString());
            Assert.Equal(119m, boot.GetProperty("salePrice").GetDecimal());
            Assert.Equal("InStock", boot.GetProperty("availability").GetString());
            Assert.False(boot.GetProperty("isFavourite").GetBoolean());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsync($"/api/v1/expert/products/{ids["TNT-S2"]}/favourite", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsync($"/api/v1/expert/products/{ids["TNT-S2"]}/favourite", null)).StatusCode);

        var mine = (await api.GetJsonAsync<List<PickerProduct>>("/api/v1/expert/products"))!;
        Assert.Equal(["TNT-S2", "DPJ-NAV", "TRB-42"], mine.Select(p => p.ExternalId));
        Assert.True(mine[0].IsFavourite);
        var theirs = (await other.GetJsonAsync<List<PickerProduct>>("/api/v1/expert/products?take=2"))!;
        Assert.Equal(["DPJ-NAV", "TRB-42"], theirs.Select(p => p.ExternalId));
        Assert.Equal(1, await factory.InMerchantAsync(world.MerchantId, db => db.ProductFavourites.CountAsync()));

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/expert/products/{ids["TNT-S2"]}/favourite")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/expert/products/{ids["TNT-S2"]}/favourite")).StatusCode);
        Assert.Equal(["DPJ-NAV", "TRB-42", "TNT-S2"], (await api.GetJsonAsync<List<PickerProduct>>("/api/v1/expert/products"))!.Select(p => p.ExternalId));
    }

    [Fact]
    public async Task Bad_searches_are_answered_with_problem_details_naming_the_field()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var (api, _) = await ChatClients.ExpertAsync(factory, world.Experts[0].Email);

        foreach (var (query, field) in new[] { ("q=" + new string('x', 101), "q"), ("take=0", "take"), ("take=51", "take"), ("take=abc", "take"), ("take=-1", "take") })
        {
            var response = await api.GetAsync("/api/v1/expert/products?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.Content.ReadAsync<ValidationProblemDetails>())!.Errors.ContainsKey(field), query);
        }

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/expert/products?q=" + new string('x', 100) + "&take=50")).StatusCode);
    }

    [Fact]
    public async Task Starring_an_unknown_or_another_merchants_product_is_not_found()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var rival = await RoutingScenario.WorldAsync(factory, 1);
        var rivalIds = await AddProductsAsync(rival.MerchantId);
        var (api, _) = await ChatClients.ExpertAsync(factory, world.Experts[0].Email);

        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsync($"/api/v1/expert/products/{rivalIds["TRB-42"]}/favourite", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/expert/products/{rivalIds["TRB-42"]}/favourite")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsync($"/api/v1/expert/products/{Guid.NewGuid()}/favourite", null)).StatusCode);
        Assert.Empty((await api.GetJsonAsync<List<PickerProduct>>("/api/v1/expert/products?q=ridgeline"))!);
        Assert.Equal(0, await factory.InMerchantAsync(rival.MerchantId, db => db.ProductFavourites.CountAsync()));
    }

    [Fact]
    public async Task The_expert_sends_a_product_card_the_shopper_gets_with_its_share_link_and_a_retry_sends_it_once()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var ids = await AddProductsAsync(world.MerchantId);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);

        var sent = await chat.Expert.Api.PostAsJsonAsync(chat.ExpertUrl($"products/{ids["TRB-42"]}"), new { clientMessageId = "card-1" });

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var json = await sent.Content.ReadAsStringAsync();
        using var view = JsonDocument.Parse(json);
        Assert.Equal("Product", view.RootElement.GetProperty("kind").GetString());
        var product = view.RootElement.GetProperty("product");
        Assert.Equal(ids["TRB-42"], product.GetProperty("productId").GetGuid());
        Assert.Equal("Ridgeline Hiking Boot", product.GetProperty("title").GetString());
        Assert.Equal(119m, product.GetProperty("salePrice").GetDecimal());
        Assert.Equal("InStock", product.GetProperty("availability").GetString());
        var url = product.GetProperty("url").GetString()!;
        Assert.StartsWith(VirtualShoppingFactory.PublicBaseUrl + "p/", url, StringComparison.Ordinal);
        var message = (await sent.Content.ReadAsync<MessageView>())!;

        var shopperSaw = (await ActionScenario.ShopperMessagesUntilAsync(chat.ShopperHub, message.Text))[^1];
        Assert.Equal(MessageKind.Product, shopperSaw.Kind);
        Assert.Equal(url, shopperSaw.Product!.Url);
        Assert.Equal("Brown, 42", shopperSaw.Product.Variant);
        var shopperMessages = (await chat.Shopper.GetJsonAsync<List<MessageView>>(chat.ShopperUrl("messages?after=0")))!;
        Assert.Contains(shopperMessages, m => m.Kind == MessageKind.Product && m.Product?.Url == url);

        var retry = await chat.Expert.Api.PostAsJsonAsync(chat.ExpertUrl($"products/{ids["TRB-42"]}"), new { clientMessageId = "card-1" });
        Assert.True(retry.IsSuccessStatusCode);
        Assert.Equal(message.Sequence, (await retry.Content.ReadAsync<MessageView>())!.Sequence);

        var share = await factory.InMerchantAsync(world.MerchantId, db => db.ProductShares.SingleAsync());
        Assert.Equal((ids["TRB-42"], world.Experts[0].Id, ShareChannel.Chat, (Guid?)chat.Id, (Guid?)chat.ShopperId, (Guid?)world.StoreId),
            (share.ProductId, share.StaffMemberId, share.Channel, share.ChatId, share.ShopperId, share.StoreId));
        Assert.EndsWith("/p/" + share.Token, url, StringComparison.Ordinal);
        Assert.Equal(1, await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.CountAsync(m => m.ChatId == chat.Id && m.Kind == MessageKind.Product)));
    }

    [Fact]
    public async Task A_card_without_a_body_goes_out_and_unknown_other_merchants_products_and_other_experts_chats_are_not_found()
    {
        var world = await RoutingScenario.WorldAsync(factory, 2);
        var ids = await AddProductsAsync(world.MerchantId);
        var rival = await RoutingScenario.WorldAsync(factory, 1);
        var rivalIds = await AddProductsAsync(rival.MerchantId);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);
        var (other, _) = await ChatClients.ExpertAsync(factory, world.Experts[1].Email);

        var unknown = await chat.Expert.Api.PostAsync(chat.ExpertUrl($"products/{Guid.NewGuid()}"), null);
        var otherMerchants = await chat.Expert.Api.PostAsync(chat.ExpertUrl($"products/{rivalIds["TRB-42"]}"), null);
        var notTheirChat = await other.PostAsync(chat.ExpertUrl($"products/{ids["TRB-42"]}"), null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, otherMerchants.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notTheirChat.StatusCode);
        Assert.False(await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.AnyAsync(m => m.ChatId == chat.Id && m.Kind == MessageKind.Product)));
        Assert.False(await factory.InMerchantAsync(world.MerchantId, db => db.ProductShares.AnyAsync()));

        var sent = await chat.Expert.Api.PostAsync(chat.ExpertUrl($"products/{ids["TNT-S2"]}"), null);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal(ProductAvailability.Preorder, (await sent.Content.ReadAsync<MessageView>())!.Product!.Availability);
    }
}
