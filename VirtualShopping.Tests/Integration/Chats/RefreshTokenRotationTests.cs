using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>
/// Store App refresh tokens rotate: each works once, and a used one presented again revokes its whole family
/// (the thief's copy and the expert's current token alike).
/// </summary>
public sealed class RefreshTokenRotationTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task Reusing_a_refresh_token_refuses_it_and_every_token_of_its_family()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var signIn = await SignInAsync(world.Experts[0].Email, RoutingWorld.Password);

        var first = await RefreshAsync(signIn.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var rotated = (await first.Content.ReadAsync<ChatClients.TokenResponse>())!;
        Assert.NotEqual(signIn.RefreshToken, rotated.RefreshToken);

        var replayed = await RefreshAsync(signIn.RefreshToken);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal("application/problem+json", replayed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(rotated.RefreshToken)).StatusCode);

        // Signing in with the password starts a new family.
        var again = await SignInAsync(world.Experts[0].Email, RoutingWorld.Password);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(again.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task A_chain_of_rotations_keeps_working()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var tokens = await SignInAsync(world.Experts[0].Email, RoutingWorld.Password);

        for (var i = 0; i < 4; i++)
        {
            var response = await RefreshAsync(tokens.RefreshToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            tokens = (await response.Content.ReadAsync<ChatClients.TokenResponse>())!;
            var client = factory.CreateAnonymousClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/expert/me")).StatusCode);
        }
    }

    [Fact]
    public async Task Deactivation_revokes_every_refresh_token_so_reactivation_does_not_revive_them()
    {
        var expert = await SignInAsync(DemoMerchantSeeder.ExpertEmail, VirtualShoppingFactory.DemoPassword);
        var merchant = await factory.DemoMerchantAsync();
        var expertId = await factory.InMerchantAsync(merchant.Id, db => db.StaffMembers.Where(s => s.Email == DemoMerchantSeeder.ExpertEmail).Select(s => s.Id).SingleAsync());
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/staff/{expertId}/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/staff/{expertId}/reactivate", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(expert.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync((await SignInAsync(DemoMerchantSeeder.ExpertEmail, VirtualShoppingFactory.DemoPassword)).RefreshToken)).StatusCode);
    }

    private async Task<ChatClients.TokenResponse> SignInAsync(string email, string password)
    {
        var response = await factory.CreateAnonymousClient().PostAsJsonAsync("/api/v1/expert/token", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsync<ChatClients.TokenResponse>())!;
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        factory.CreateAnonymousClient().PostAsJsonAsync("/api/v1/expert/token", new { refreshToken });
}
