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
