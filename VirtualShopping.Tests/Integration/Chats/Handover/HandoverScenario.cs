using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats.Handover;

/// <summary>Steps the handover tests share: a chat in progress with its shopper listening, a hat team, the handover service as a given person.</summary>
internal static class HandoverScenario
{
    public static readonly string[] ExpertEvents = [.. ChatClients.ExpertEvents, ChatHubEvents.ChatUpdated, ChatHubEvents.ShopperPresence];

    /// <summary>Every expert of the world online (the Store App), one wave reaching them all.</summary>
    public static async Task<(RoutingWorld World, List<ExpertSession> Experts)> TeamOnlineAsync(RoutingFactory factory, int experts, Action<VirtualShopping.Domain.Settings.StoreAppSettings>? settings = null)
    {
        var world = await RoutingScenario.WorldAsync(factory, experts, s =>
        {
            s.NumberOfWaves = 1;
            settings?.Invoke(s);
        });
        var sessions = new List<ExpertSession>();
        foreach (var person in world.Experts)
        {
            var (api, token) = await ChatClients.ExpertAsync(factory, person.Email);
            var hub = await HubEvents.ConnectAsync(factory, ExpertHub.Path, token, ExpertEvents);
            (await api.PutAsJsonAsync("/api/v1/expert/availability", new { available = true })).EnsureSuccessStatusCode();
            await hub.NextAsync<AvailabilityChange>(ChatHubEvents.AvailabilityChanged);
            sessions.Add(new ExpertSession(person, api, token, hub));
        }

        return (world, sessions);
    }

    /// <summary>A shopper's chat claimed by <paramref name="holder"/>; the shopper's hub is connected and the other experts' offers are gone.</summary>
    public static async Task<HeldChat> HeldChatAsync(RoutingFactory factory, RoutingWorld world, ExpertSession holder, IReadOnlyList<ExpertSession> everyone, Guid? department = null)
    {
        var (shopper, chat) = await RoutingScenario.ChatAsync(factory, world, department: department);
        var shopperHub = await HubEvents.ConnectAsync(factory, ShopperHub.Path, shopper.DefaultRequestHeaders.Authorization!.Parameter!, ChatClients.ShopperEvents);
        var offer = await holder.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived, o => o.ChatId == chat.Id);
        (await holder.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).EnsureSuccessStatusCode();
        await shopperHub.NextAsync<ChatView>(ChatHubEvents.ChatChanged, c => c.Status == ChatStatus.Active);
        var offered = await factory.InMerchantAsync(world.MerchantId, db => db.ChatOffers.Where(o => o.ChatId == chat.Id).Select(o => o.StaffMemberId).ToListAsync());
        foreach (var other in everyone.Where(e => e != holder && offered.Contains(e.Person.Id)))
        {
            await other.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived, o => o.ChatId == chat.Id);
            await other.Hub.NextAsync<Withdrawal>(ChatHubEvents.OfferWithdrawn, w => w.ChatId == chat.Id);
        }

        return new HeldChat(chat.Id, shopper, shopperHub, $"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/messages");
    }

    /// <summary>A team in the world's store serving Hats, with these experts in it.</summary>
    public static Task AddHatTeamAsync(RoutingFactory factory, RoutingWorld world, params Guid[] members) =>
        factory.InMerchantAsync(world.MerchantId, async db =>
        {
            var hats = await db.Departments.SingleAsync(d => d.Id == world.HatsId);
            var people = await db.StaffMembers.Where(s => members.Contains(s.Id)).ToListAsync();
            db.Teams.Add(new Team { Name = "Hat team", StoreId = world.StoreId, Departments = [hats], Members = people });
            return await db.SaveChangesAsync();
        });

    /// <summary>The chat as stored.</summary>
    public static Task<Chat> ChatAsync(RoutingFactory factory, RoutingWorld world, Guid chatId) =>
        factory.InMerchantAsync(world.MerchantId, db => db.Chats.AsNoTracking().SingleAsync(c => c.Id == chatId));

    /// <summary>Runs the handover service as this person (the inbox's way in), in the world's merchant.</summary>
    public static async Task<T> AsAsync<T>(RoutingFactory factory, RoutingWorld world, Func<ChatHandover, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(world.MerchantId);
        return await work(scope.ServiceProvider.GetRequiredService<ChatHandover>());
    }

    public static ChatStaff StoreManager(RoutingWorld world, params Guid[] stores) =>
        new(Guid.NewGuid(), "Morgan Manager", StaffRoles.StoreManager, stores.Length == 0 ? [world.StoreId] : stores);

    public static ChatStaff Support() => new(Guid.NewGuid(), "Sasha Support", StaffRoles.Support, []);
}

/// <summary>A chat in progress: its id, the shopper's client and hub, and the shopper's messages address.</summary>
internal sealed record HeldChat(Guid Id, HttpClient Shopper, HubEvents ShopperHub, string Messages) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await ShopperHub.DisposeAsync();
        Shopper.Dispose();
    }
}
