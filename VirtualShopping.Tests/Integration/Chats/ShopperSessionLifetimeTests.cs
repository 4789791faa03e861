using System.Net;
using System.Net.Http.Headers;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>A shopper session lives the merchant's cookie lifetime (On-site chat settings), on the app's clock.</summary>
public sealed class ShopperSessionLifetimeTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task A_session_token_expires_after_the_merchants_cookie_ttl()
    {
        var world = await RoutingScenario.WorldAsync(factory, 0);
        await factory.InMerchantAsync(world.MerchantId, async db =>
        {
            db.ChatSettings.Single().CookieTtlDays = 2;
            return await db.SaveChangesAsync();
        });
        var client = factory.CreateAnonymousClient();
        var issued = (await (await client.PostAsync($"/api/v1/widget/{world.WidgetKey}/session", null, TestContext.Current.CancellationToken)).Content.ReadAsync<ShopperSessionResponse>())!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Token);
        var someChat = $"/api/v1/widget/{world.WidgetKey}/chats/{Guid.NewGuid()}";

        Assert.Equal(RoutingFactory.Monday11.AddDays(2), issued.ExpiresAt);
        factory.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(someChat, TestContext.Current.CancellationToken)).StatusCode);
        await using (await HubEvents.ConnectAsync(factory, ShopperHub.Path, issued.Token))
        {
        }

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(someChat, TestContext.Current.CancellationToken)).StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => HubEvents.ConnectAsync(factory, ShopperHub.Path, issued.Token));

        // Renewing with the expired token starts a new shopper.
        var renewed = (await (await client.PostAsync($"/api/v1/widget/{world.WidgetKey}/session", null, TestContext.Current.CancellationToken)).Content.ReadAsync<ShopperSessionResponse>())!;
        Assert.NotEqual(issued.ShopperId, renewed.ShopperId);
        Assert.Equal(factory.Clock.GetUtcNow().AddDays(2), renewed.ExpiresAt);
    }
}
