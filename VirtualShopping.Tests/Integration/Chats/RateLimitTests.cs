using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.SignalR.Client;
using VirtualShopping.Tests.Support;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>The anonymous chat endpoints are limited per shopper session and per IP; what is refused is not stored.</summary>
public sealed class RateLimitTests : IAsyncDisposable
{
    private readonly RoutingFactory factory = new RoutingFactory()
        .With("RateLimits:SessionPermitsPerMinute", "6")
        .With("RateLimits:IpPermitsPerMinute", "12");

    public ValueTask DisposeAsync() => factory.DisposeAsync();

    [Fact]
    public async Task A_chatty_session_is_slowed_down_with_429_and_the_whole_ip_after_its_own_limit()
    {
        var world = await RoutingScenario.WorldAsync(factory, 0);
        var (shopper, chat) = await RoutingScenario.ChatAsync(factory, world); // session + start: 2 requests from this IP, 1 on the session
        var url = $"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/messages";

        var answers = new List<HttpResponseMessage>();
        for (var i = 1; i <= 6; i++)
        {
            answers.Add(await shopper.PostAsJsonAsync(url, new { text = $"Message {i}" }));
        }

        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        var refused = answers[^1];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("Slow down", (await refused.Content.ReadAsync<ProblemDetails>())!.Title);
        Assert.Equal(5, await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.CountAsync()));

        // Another session from the same address still gets through, until the address's own limit (12 a minute).
        var (other, _, _) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/widget/{world.WidgetKey}/chats/{Guid.NewGuid()}")).StatusCode);
        HttpStatusCode last;
        var tries = 0;
        do
        {
            last = (await factory.CreateAnonymousClient().PostAsync($"/api/v1/widget/{world.WidgetKey}/session", null)).StatusCode;
            tries++;
        }
        while (last != HttpStatusCode.TooManyRequests && tries < 20);
        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        Assert.True(tries <= 12, $"{tries} new sessions before the address was limited");
    }

    [Fact]
    public async Task Messages_over_the_shopper_hub_count_against_the_same_session_window_as_rest()
    {
        var world = await RoutingScenario.WorldAsync(factory, 0);
        var (shopper, chat) = await RoutingScenario.ChatAsync(factory, world); // 1 request on the session
        await using var hub = await HubEvents.ConnectAsync(factory, Web.Features.Chats.ShopperHub.Path, shopper.DefaultRequestHeaders.Authorization!.Parameter!, ChatClients.ShopperEvents);
        for (var i = 1; i <= 3; i++)
        {
            (await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/messages", new { text = $"Over REST {i}" })).EnsureSuccessStatusCode();
        }

        await hub.Connection.InvokeAsync<Web.Features.Chats.MessageView>("SendMessage", chat.Id, "Over the hub 1", null, TestContext.Current.CancellationToken);
        await hub.Connection.InvokeAsync<Web.Features.Chats.MessageView>("SendMessage", chat.Id, "Over the hub 2", null, TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(
            () => hub.Connection.InvokeAsync<Web.Features.Chats.MessageView>("SendMessage", chat.Id, "Over the hub 3", null, TestContext.Current.CancellationToken));

        Assert.Matches("Too many requests. Wait [0-9]+ seconds and try again.$", refused.Message);
        Assert.Equal(5, await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.CountAsync()));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/messages", new { text = "Over REST 4" })).StatusCode);
    }

    [Fact]
    public async Task The_session_limit_holds_however_the_authorization_header_is_spelled()
    {
        var world = await RoutingScenario.WorldAsync(factory, 0);
        var (shopper, chat) = await RoutingScenario.ChatAsync(factory, world); // 1 request on the session
        var token = shopper.DefaultRequestHeaders.Authorization!.Parameter!;
        using var client = factory.CreateClient();

        var answers = new List<HttpStatusCode>();
        foreach (var scheme in new[] { "Bearer ", "bearer ", "BEARER ", "Bearer   ", "bEaReR ", "bearer  " })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/messages")
            {
                Content = JsonContent.Create(new { text = "Hello?" }),
            };
            request.Headers.TryAddWithoutValidation("Authorization", scheme + token);
            answers.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, 5), HttpStatusCode.TooManyRequests], answers);
    }
}
