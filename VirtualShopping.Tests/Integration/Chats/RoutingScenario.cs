using System.Net.Http.Json;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>Steps the routing tests share: experts signing in and going available, shoppers starting chats.</summary>
internal static class RoutingScenario
{
    public static async Task<ExpertSession> ExpertOnlineAsync(RoutingFactory factory, RoutingExpert person, bool available = true)
    {
        var (api, token) = await ChatClients.ExpertAsync(factory, person.Email);
        var hub = await HubEvents.ConnectAsync(factory, ExpertHub.Path, token, ChatClients.ExpertEvents);
        if (available)
        {
            (await api.PutAsJsonAsync("/api/v1/expert/availability", new { available = true })).EnsureSuccessStatusCode();
            await hub.NextAsync<AvailabilityChange>(ChatHubEvents.AvailabilityChanged);
        }

        return new ExpertSession(person, api, token, hub);
    }

    public static async Task<(HttpClient Shopper, ChatView Chat)> ChatAsync(RoutingFactory factory, RoutingWorld world, string language = "en", Guid? department = null)
    {
        var (shopper, _, _) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        var response = await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats", new { departmentId = department ?? world.ShoesId, language });
        response.EnsureSuccessStatusCode();
        return (shopper, (await response.Content.ReadAsync<ChatView>())!);
    }

    public static Task<RoutingWorld> WorldAsync(RoutingFactory factory, int experts, Action<VirtualShopping.Domain.Settings.StoreAppSettings>? settings = null) =>
        RoutingWorld.CreateAsync(factory.Services, experts, settings, $"Routing {Guid.NewGuid():N}");
}

/// <summary>An expert with the Store App open: REST client and hub connection.</summary>
internal sealed record ExpertSession(RoutingExpert Person, HttpClient Api, string Token, HubEvents Hub) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        Api.Dispose();
    }
}

/// <summary>The payload of an offerWithdrawn push.</summary>
internal sealed record Withdrawal(Guid OfferId, Guid ChatId, OfferWithdrawal Reason);
