using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats.Actions;

/// <summary>Steps the conversation-action tests share: an active chat, more staff in a routing world, services in a merchant's scope.</summary>
internal static class ActionScenario
{
    public static readonly string[] ExpertEvents = [.. ChatClients.ExpertEvents, ChatHubEvents.ChatUpdated, ChatHubEvents.Mentioned];

    /// <summary>A shopper (API and hub) in an active chat with the world's first expert (Store App and hub).</summary>
    public static async Task<ActionChat> ActiveChatAsync(RoutingFactory factory, RoutingWorld world, string? email = null, string? name = null)
    {
        var (api, token) = await ChatClients.ExpertAsync(factory, world.Experts[0].Email);
        var hub = await HubEvents.ConnectAsync(factory, ExpertHub.Path, token, ExpertEvents);
        (await api.PutAsJsonAsync("/api/v1/expert/availability", new { available = true })).EnsureSuccessStatusCode();
        await hub.NextAsync<AvailabilityChange>(ChatHubEvents.AvailabilityChanged);
        var expert = new ExpertSession(world.Experts[0], api, token, hub);

        var (shopper, shopperToken, shopperId) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        var shopperHub = await HubEvents.ConnectAsync(factory, ShopperHub.Path, shopperToken, ChatClients.ShopperEvents);
        var started = await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats", new { departmentId = world.ShoesId, language = "en", email, name });
        started.EnsureSuccessStatusCode();
        var chat = (await started.Content.ReadAsync<ChatView>())!;
        var offer = await hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        (await api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).EnsureSuccessStatusCode();
        await shopperHub.NextAsync<ChatView>(ChatHubEvents.ChatChanged, c => c.Status == ChatStatus.Active);

        // The chat belongs to the store of the expert who holds it (set at claim by the handover work; here in case it is not yet).
        await factory.InMerchantAsync(world.MerchantId, db => db.Chats.Where(c => c.Id == chat.Id && c.StoreId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.StoreId, world.StoreId)));
        return new ActionChat(world, chat.Id, shopper, shopperToken, shopperId, shopperHub, expert);
    }

    /// <summary>Adds an active staff member of the world's store (HQ admins and support: no store) who can sign in with the world's password.</summary>
    public static async Task<RoutingExpert> AddStaffAsync(RoutingFactory factory, RoutingWorld world, StaffRoles roles, string name, Guid? store = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(world.MerchantId);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
        var person = new StaffMember
        {
            DisplayName = name,
            Email = $"{name.Replace(' ', '.').ToLowerInvariant()}@{world.WidgetKey.ToLowerInvariant()}.example",
            Roles = roles,
            Status = StaffStatus.Active,
            Access = roles.HasFlag(StaffRoles.HqAdmin) ? DashboardAccess.All : DashboardAccess.None,
        };
        if (!roles.HasFlag(StaffRoles.HqAdmin) && !roles.HasFlag(StaffRoles.Support))
        {
            person.Stores.Add(await db.Stores.SingleAsync(s => s.Id == (store ?? world.StoreId)));
        }

        db.StaffMembers.Add(person);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var result = await users.CreateAsync(
            new ApplicationUser { UserName = person.Email, Email = person.Email, EmailConfirmed = true, MerchantId = world.MerchantId, StaffMemberId = person.Id },
            RoutingWorld.Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return new RoutingExpert(person.Id, person.DisplayName, person.Email);
    }

    /// <summary>Runs a chat service as it runs for a request of the merchant.</summary>
    public static async Task<TResult> InMerchantAsync<TService, TResult>(RoutingFactory factory, Guid merchantId, Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>The staff member as the chat rules see them.</summary>
    public static Task<ChatStaff> StaffAsync(RoutingFactory factory, Guid merchantId, Guid staffMemberId) =>
        factory.InMerchantAsync(merchantId, async db => (await ChatStaffLoader.LoadAsync(db, staffMemberId, CancellationToken.None))!);

    /// <summary>The messages the shopper's hub received until the one with this text (which is last).</summary>
    public static async Task<List<MessageView>> ShopperMessagesUntilAsync(HubEvents shopperHub, string text)
    {
        var seen = new List<MessageView>();
        do
        {
            seen.Add(await shopperHub.NextAsync<MessageView>(ChatHubEvents.MessageReceived));
        }
        while (seen[^1].Text != text);

        return seen;
    }
}

/// <summary>An active chat between a shopper and the world's first expert.</summary>
internal sealed record ActionChat(RoutingWorld World, Guid Id, HttpClient Shopper, string ShopperToken, Guid ShopperId, HubEvents ShopperHub, ExpertSession Expert) : IAsyncDisposable
{
    public string ExpertUrl(string rest = "") => $"/api/v1/expert/chats/{Id}{(rest.Length == 0 ? string.Empty : "/" + rest)}";

    public string ShopperUrl(string rest) => $"/api/v1/widget/{World.WidgetKey}/chats/{Id}/{rest}";

    public async ValueTask DisposeAsync()
    {
        await ShopperHub.DisposeAsync();
        await Expert.DisposeAsync();
        Shopper.Dispose();
    }
}
