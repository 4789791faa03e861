using System.Collections.Concurrent;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats.Inbox;

/// <summary>The inbox hears of a new chat at once, so a supervisor's Waiting view shows it without a reload.</summary>
public sealed class InboxLiveTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task A_chat_a_shopper_starts_reaches_the_merchants_inbox_circuits_as_chat_updated_and_shows_in_waiting()
    {
        var world = await RoutingScenario.WorldAsync(factory, experts: 1);
        var other = await RoutingScenario.WorldAsync(factory, experts: 1);
        var bus = factory.Services.GetRequiredService<InboxBus>();
        var events = new ConcurrentQueue<InboxEvent>();
        var othersEvents = new ConcurrentQueue<InboxEvent>();
        using var subscription = bus.Subscribe(world.MerchantId, e =>
        {
            events.Enqueue(e);
            return Task.CompletedTask;
        });
        using var otherSubscription = bus.Subscribe(other.MerchantId, e =>
        {
            othersEvents.Enqueue(e);
            return Task.CompletedTask;
        });

        var (_, chat) = await RoutingScenario.ChatAsync(factory, world);

        // Published before the start request answered.
        var updated = Assert.Single(events, e => e.Kind == InboxEventKind.ChatUpdated);
        Assert.Equal((chat.Id, (Guid?)null), (updated.ChatId!.Value, updated.StaffMemberId));
        Assert.Empty(othersEvents);

        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<VirtualShopping.Infrastructure.Tenancy.MerchantScope>().Use(world.MerchantId);
        var queries = scope.ServiceProvider.GetRequiredService<InboxQueries>();
        var admin = new VirtualShopping.Domain.Chats.ChatStaff(Guid.NewGuid(), "Admin", VirtualShopping.Domain.Staff.StaffRoles.HqAdmin, []);
        var row = Assert.Single((await queries.ListAsync(admin, new InboxFilter(InboxFolder.Waiting))).Rows);
        Assert.Equal(chat.Id, row.ChatId);
        Assert.Equal("Shoes", row.Department);
    }
}
