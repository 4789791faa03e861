using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VirtualShopping.Tests.Integration.Chats;
using VirtualShopping.Tests.Support;

namespace VirtualShopping.Tests.Integration;

/// <summary>
/// What the widget configuration says about now: whether an expert could take a chat (routing's own
/// eligibility), which needs an open store serves, and whether the shopper's country (from the trusted proxy's
/// header) is one the merchant shows the chat in. The ETag follows these changes.
/// </summary>
public sealed class WidgetAvailabilityTests : IAsyncLifetime
{
    private RoutingFactory factory = null!;

    public ValueTask InitializeAsync()
    {
        factory = new RoutingFactory().With("Widget:CountryHeader", "CF-IPCountry");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Expert_and_department_availability_follow_the_experts_and_the_opening_hours()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var client = factory.CreateAnonymousClient();

        // Monday 11:00 in London: the store is open and its team serves shoes (not hats), but no expert is online.
        var (nobody, firstTag) = await ConfigAsync(client, world.WidgetKey);
        Assert.False(nobody.GetProperty("expertAvailable").GetBoolean());
        Assert.Equal((true, false), (Available(nobody, world.ShoesId), Available(nobody, world.HatsId)));

        // An expert opens the Store App and goes available: the configuration (and its ETag) says so.
        await using var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/widget/{world.WidgetKey}/config");
        revalidate.Headers.IfNoneMatch.Add(firstTag);
        var changed = await client.SendAsync(revalidate, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        using (var body = JsonDocument.Parse(await changed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
        {
            Assert.True(body.RootElement.GetProperty("expertAvailable").GetBoolean());
        }

        // At their chat limit they could take no new chat.
        await factory.InMerchantAsync(world.MerchantId, async db =>
        {
            db.StoreAppSettings.Single().MaxSimultaneousChats = 1;
            return await db.SaveChangesAsync();
        });
        var (shopper, chat) = await RoutingScenario.ChatAsync(factory, world);
        var offer = await expert.Hub.NextAsync<VirtualShopping.Web.Features.Chats.OfferView>(VirtualShopping.Web.Features.Chats.ChatHubEvents.OfferReceived);
        (await expert.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        Assert.False((await ConfigAsync(client, world.WidgetKey)).Body.GetProperty("expertAvailable").GetBoolean());
        (await shopper.PostAsync($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/end", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        Assert.True((await ConfigAsync(client, world.WidgetKey)).Body.GetProperty("expertAvailable").GetBoolean());

        // Unavailable: nobody.
        (await expert.Api.PutAsJsonAsync("/api/v1/expert/availability", new { available = false }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        Assert.False((await ConfigAsync(client, world.WidgetKey)).Body.GetProperty("expertAvailable").GetBoolean());

        // After closing time (20:00 in London) no store serves any need.
        (await expert.Api.PutAsJsonAsync("/api/v1/expert/availability", new { available = true }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        factory.Clock.Advance(TimeSpan.FromHours(10));
        var (closed, _) = await ConfigAsync(client, world.WidgetKey);
        Assert.False(closed.GetProperty("expertAvailable").GetBoolean());
        Assert.False(Available(closed, world.ShoesId));
    }

    [Theory]
    [InlineData("FI", true)]
    [InlineData("se", true)]
    [InlineData("US", false)]
    [InlineData("XX", null)]
    [InlineData(null, null)]
    public async Task The_country_rule_is_decided_from_the_proxys_country_header(string? country, bool? allowed)
    {
        var world = await RoutingScenario.WorldAsync(factory, 0);
        await factory.InMerchantAsync(world.MerchantId, async db =>
        {
            db.ChatSettings.Single().Countries = ["FI", "SE"];
            return await db.SaveChangesAsync();
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/widget/{world.WidgetKey}/config");
        if (country is not null)
        {
            request.Headers.Add("CF-IPCountry", country);
        }

        var response = await factory.CreateAnonymousClient().SendAsync(request, TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var value = body.RootElement.GetProperty("display").GetProperty("countryAllowed");
        Assert.Equal(allowed, value.ValueKind == JsonValueKind.Null ? null : value.GetBoolean());
        Assert.Contains("CF-IPCountry", response.Headers.Vary);
    }

    [Fact]
    public async Task With_no_country_list_every_known_country_is_allowed()
    {
        var world = await RoutingScenario.WorldAsync(factory, 0);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/widget/{world.WidgetKey}/config");
        request.Headers.Add("CF-IPCountry", "US");

        using var body = JsonDocument.Parse(await (await factory.CreateAnonymousClient().SendAsync(request, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.True(body.RootElement.GetProperty("display").GetProperty("countryAllowed").GetBoolean());
    }

    private static async Task<(JsonElement Body, System.Net.Http.Headers.EntityTagHeaderValue ETag)> ConfigAsync(HttpClient client, string key)
    {
        var response = await client.GetAsync($"/api/v1/widget/{key}/config", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (body.RootElement.Clone(), response.Headers.ETag!);
    }

    private static bool Available(JsonElement configuration, Guid departmentId) =>
        configuration.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == departmentId).GetProperty("available").GetBoolean();
}
