using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>
/// The chat APIs and hubs from the outside: who may call what, and bad input refused with problem details
/// and nothing stored.
/// </summary>
public sealed class ChatApiAccessTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task The_store_app_api_refuses_callers_without_an_expert_token()
    {
        var anonymous = factory.CreateAnonymousClient();
        var response = await anonymous.GetAsync("/api/v1/expert/offers");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        // A dashboard cookie is not a Store App token.
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/v1/expert/me")).StatusCode);

        // Nor is a made-up bearer token.
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/expert/me")).StatusCode);
    }

    [Theory]
    [InlineData(DemoMerchantSeeder.SupportEmail, VirtualShoppingFactory.DemoPassword, HttpStatusCode.Forbidden)]
    [InlineData(DemoMerchantSeeder.ExpertEmail, "wrong-password-1", HttpStatusCode.Unauthorized)]
    [InlineData(DemoMerchantSeeder.ExpertEmail, VirtualShoppingFactory.DemoPassword, HttpStatusCode.OK)]
    public async Task Only_active_experts_get_a_store_app_token(string email, string password, HttpStatusCode expected)
    {
        var response = await factory.CreateAnonymousClient().PostAsJsonAsync("/api/v1/expert/token", new { email, password });

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_gets_a_new_access_token_and_a_deactivated_expert_loses_access()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var client = factory.CreateAnonymousClient();
        var first = (await (await client.PostAsJsonAsync("/api/v1/expert/token", new { email = world.Experts[0].Email, password = RoutingWorld.Password }))
            .Content.ReadAsync<ChatClients.TokenResponse>())!;

        var refreshed = await client.PostAsJsonAsync("/api/v1/expert/token", new { refreshToken = first.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = (await refreshed.Content.ReadAsync<ChatClients.TokenResponse>())!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/expert/me")).StatusCode);

        await factory.InMerchantAsync(world.MerchantId, db => db.StaffMembers.Where(s => s.Id == world.Experts[0].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, VirtualShopping.Domain.Staff.StaffStatus.Deactivated)));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/expert/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateAnonymousClient().PostAsJsonAsync("/api/v1/expert/token", new { refreshToken = second.RefreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateAnonymousClient().PostAsJsonAsync("/api/v1/expert/token", new { refreshToken = "garbage" })).StatusCode);
    }

    [Fact]
    public async Task Hubs_refuse_connections_without_the_right_token()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var (_, shopperToken, _) = await ChatClients.ShopperAsync(factory, world.WidgetKey);

        // A shopper's session token does not open the expert hub, nor an expert's token the shopper hub.
        await Assert.ThrowsAnyAsync<Exception>(() => HubEvents.ConnectAsync(factory, ExpertHub.Path, shopperToken));
        var (_, expertToken) = await ChatClients.ExpertAsync(factory, world.Experts[0].Email);
        await Assert.ThrowsAnyAsync<Exception>(() => HubEvents.ConnectAsync(factory, ShopperHub.Path, expertToken));
        await using var hub = await HubEvents.ConnectAsync(factory, ShopperHub.Path, shopperToken);
        Assert.Equal(HubConnectionState.Connected, hub.Connection.State);
    }

    [Fact]
    public async Task A_shopper_sees_only_their_own_chats_and_only_on_their_merchants_key()
    {
        var world = await RoutingScenario.WorldAsync(factory, 0);
        var other = await RoutingScenario.WorldAsync(factory, 0);
        var (owner, chat) = await RoutingScenario.ChatAsync(factory, world);
        var (stranger, _, _) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        var (otherShop, _, _) = await ChatClients.ShopperAsync(factory, other.WidgetKey);

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/messages", new { text = "hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherShop.GetAsync($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateAnonymousClient().GetAsync($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateAnonymousClient().PostAsync("/api/v1/widget/no-such-key/session", null)).StatusCode);
    }

    [Theory]
    [InlineData("https://www.demo-outfitters.example", true)]
    [InlineData("https://evil.example", false)]
    public async Task The_widget_may_call_the_chat_api_only_from_the_merchants_allowed_origins(string origin, bool allowed)
    {
        var merchant = await factory.DemoMerchantAsync();
        var client = factory.CreateAnonymousClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"/api/v1/widget/{merchant.PublicWidgetKey}/chats");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        var answer = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal(allowed, answer.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);

        using var session = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/widget/{merchant.PublicWidgetKey}/session");
        session.Headers.Add("Origin", origin);
        var started = await client.SendAsync(session);
        Assert.Equal(allowed, started.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Bad_messages_are_refused_with_field_problems_and_nothing_is_stored()
    {
        var world = await RoutingScenario.WorldAsync(factory, 0);
        var (shopper, chat) = await RoutingScenario.ChatAsync(factory, world);
        var url = $"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/messages";

        var tooLong = await shopper.PostAsJsonAsync(url, new { text = new string('a', 2001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("Messages can be at most 2000 characters; this one has 2001.", Assert.Single((await tooLong.Content.ReadAsync<ValidationProblemDetails>())!.Errors["text"]));
        var blank = await shopper.PostAsJsonAsync(url, new { text = " \u200B " });
        Assert.Equal("Type a message.", Assert.Single((await blank.Content.ReadAsync<ValidationProblemDetails>())!.Errors["text"]));
        var badStart = await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats", new { departmentId = Guid.NewGuid(), email = "not-an-email" });
        var problems = (await badStart.Content.ReadAsync<ValidationProblemDetails>())!.Errors;
        Assert.Equal(["departmentId", "email"], problems.Keys.Order());

        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.CountAsync()));
        Assert.Equal(1, await factory.InMerchantAsync(world.MerchantId, db => db.Chats.CountAsync()));
    }
}
