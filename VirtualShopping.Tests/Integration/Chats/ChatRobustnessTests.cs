using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>
/// What careless or hasty clients do to a chat: retrying a send, claiming two chats at once at the limit,
/// starting chat after chat from one session. Each test has its own merchant.
/// </summary>
public sealed class ChatRobustnessTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task A_retried_send_is_stored_once_and_pushed_once_to_each_side()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1, s => s.NumberOfWaves = 1);
        await using var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        var (shopper, chat) = await RoutingScenario.ChatAsync(factory, world);
        var offer = await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        (await expert.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).EnsureSuccessStatusCode();
        await using var shopperHub = await HubEvents.ConnectAsync(factory, ShopperHub.Path, shopper.DefaultRequestHeaders.Authorization!.Parameter!, ChatClients.ShopperEvents);
        var url = $"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/messages";

        var first = await shopper.PostAsJsonAsync(url, new { text = "Size 38?", clientMessageId = "s-1" });
        var retried = await shopper.PostAsJsonAsync(url, new { text = "Size 38?", clientMessageId = "s-1" });
        (await shopper.PostAsJsonAsync(url, new { text = "Hello?", clientMessageId = "s-2" })).EnsureSuccessStatusCode();

        Assert.Equal((await first.Content.ReadAsync<MessageView>())!.Sequence, (await retried.Content.ReadAsync<MessageView>())!.Sequence);
        Assert.Equal(["s-1", "s-2"], await ClientIdsUntilAsync(expert.Hub, "s-2"));
        Assert.Equal(["s-1", "s-2"], await ClientIdsUntilAsync(shopperHub, "s-2"));
    }

    [Fact]
    public async Task Two_simultaneous_claims_at_a_limit_of_one_chat_give_one_chat_and_a_clear_conflict()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1, s => { s.NumberOfWaves = 1; s.MaxSimultaneousChats = 1; });
        await using var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        var (_, first) = await RoutingScenario.ChatAsync(factory, world);
        var (_, second) = await RoutingScenario.ChatAsync(factory, world);
        var offers = new[] { await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived), await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived) };
        Assert.Equal(new[] { first.Id, second.Id }.Order(), offers.Select(o => o.ChatId).Order());

        using var go = new SemaphoreSlim(0);
        var claims = offers.Select(async offer =>
        {
            await go.WaitAsync();
            return await expert.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null);
        }).ToList();
        go.Release(claims.Count);
        var answers = await Task.WhenAll(claims);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var problem = (await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).Content.ReadAsync<ProblemDetails>())!;
        Assert.Equal("AtChatLimit", problem.Extensions["reason"]!.ToString());
        Assert.Equal("You are already in as many chats as you can hold. Close one before claiming another.", problem.Detail);
        Assert.Equal(1, await factory.InMerchantAsync(world.MerchantId, db => db.Chats.CountAsync(c => c.ExpertId == expert.Person.Id && c.Status == ChatStatus.Active)));
    }

    [Fact]
    public async Task A_shopper_session_holds_one_open_chat_and_a_second_start_is_told_which()
    {
        var world = await RoutingScenario.WorldAsync(factory, 0);
        var start = $"/api/v1/widget/{world.WidgetKey}/chats";
        var (shopper, chat) = await RoutingScenario.ChatAsync(factory, world);

        var again = await shopper.PostAsJsonAsync(start, new { departmentId = world.ShoesId, language = "en" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = (await again.Content.ReadAsync<ProblemDetails>())!;
        Assert.Equal(chat.Id.ToString(), problem.Extensions["openChatId"]!.ToString());
        Assert.Contains(chat.Id.ToString(), problem.Detail, StringComparison.Ordinal);

        // Once it has ended, the shopper may start another.
        (await shopper.PostAsync($"{start}/{chat.Id}/end", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created, (await shopper.PostAsJsonAsync(start, new { departmentId = world.ShoesId, language = "en" })).StatusCode);

        // Starts sent at the same moment from a new session open one chat.
        var (hasty, _, hastyId) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        var starts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => hasty.PostAsJsonAsync(start, new { departmentId = world.ShoesId, language = "en" })));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict], starts.Select(s => s.StatusCode).Order());
        Assert.Equal(1, await factory.InMerchantAsync(world.MerchantId, db => db.Chats.CountAsync(c => c.ShopperId == hastyId)));
    }

    /// <summary>The client message ids of the shopper's messages a hub receives, up to and including the given one.</summary>
    private static async Task<List<string?>> ClientIdsUntilAsync(HubEvents hub, string last)
    {
        var seen = new List<string?>();
        while (seen.LastOrDefault() != last)
        {
            var message = await hub.NextAsync<MessageView>(ChatHubEvents.MessageReceived);
            if (message.Sender == MessageSender.Shopper)
            {
                seen.Add(message.ClientMessageId);
            }
        }

        return seen;
    }
}
