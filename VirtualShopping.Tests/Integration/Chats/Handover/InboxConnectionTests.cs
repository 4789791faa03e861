using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Staff;

namespace VirtualShopping.Tests.Integration.Chats.Handover;

/// <summary>
/// An open web inbox is an expert connection like the Store App's: an expert with nothing but the inbox open is
/// offered chats, stops being offered them when it closes, and is cut off when they lose access; the team panels
/// hear of each connection coming and going.
/// </summary>
public sealed class InboxConnectionTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private RoutingSweeper Sweeper => factory.Services.GetRequiredService<RoutingSweeper>();

    [Fact]
    public async Task An_expert_with_only_the_inbox_open_is_offered_chats_until_it_closes()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1, s => s.NumberOfWaves = 1);
        var expert = world.Experts[0];
        var events = Listen(world);
        await using var scope = MerchantScope(world);
        await scope.ServiceProvider.GetRequiredService<ChatRouter>().SetAvailabilityAsync(expert.Id, true);

        var inbox = await scope.ServiceProvider.GetRequiredService<InboxConnection>().OpenAsync(world.MerchantId, expert.Id, () => { });
        await NextAsync(events, e => e.Kind == InboxEventKind.TeamChanged && e.StaffMemberId == expert.Id);
        Assert.Single(await ConnectionsAsync(world, expert.Id), c => c.StartsWith(InboxConnection.ConnectionPrefix, StringComparison.Ordinal));

        var (_, offered) = await RoutingScenario.ChatAsync(factory, world);
        var offer = await NextAsync(events, e => e.Kind == InboxEventKind.OfferMade && e.StaffMemberId == expert.Id && e.ChatId == offered.Id);
        Assert.Equal(offered.Id, ((OfferView)offer.Payload!).ChatId);

        // The heartbeat keeps the inbox fresh like a Store App connection.
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await Sweeper.SweepAsync(TestContext.Current.CancellationToken);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await Sweeper.SweepAsync(TestContext.Current.CancellationToken);
        var (_, stillOffered) = await RoutingScenario.ChatAsync(factory, world);
        await NextAsync(events, e => e.Kind == InboxEventKind.OfferMade && e.ChatId == stillOffered.Id);

        await inbox.DisposeAsync();
        await NextAsync(events, e => e.Kind == InboxEventKind.TeamChanged && e.StaffMemberId == expert.Id);
        Assert.Empty(await ConnectionsAsync(world, expert.Id));
        var (_, notOffered) = await RoutingScenario.ChatAsync(factory, world);
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.ChatOffers.CountAsync(o => o.ChatId == notOffered.Id)));
    }

    [Fact]
    public async Task Deactivating_the_expert_closes_their_inbox()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var scope = MerchantScope(world);
        await using var inbox = await scope.ServiceProvider.GetRequiredService<InboxConnection>().OpenAsync(world.MerchantId, world.Experts[0].Id, closed.SetResult);

        var result = await scope.ServiceProvider.GetRequiredService<StaffService>().DeactivateAsync(
            world.Experts[0].Id, new StaffActor(null, new StaffRights(StaffRoles.HqAdmin, DashboardAccess.All)));

        Assert.True(result.Succeeded);
        await closed.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Empty(await ConnectionsAsync(world, world.Experts[0].Id));
    }

    [Fact]
    public async Task The_sweep_closes_an_inbox_whose_expert_lost_access_elsewhere_once()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var aborts = 0;
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var scope = MerchantScope(world);
        await using var inbox = await scope.ServiceProvider.GetRequiredService<InboxConnection>().OpenAsync(world.MerchantId, world.Experts[0].Id, () =>
        {
            Interlocked.Increment(ref aborts);
            closed.TrySetResult();
        });
        await Sweeper.SweepAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, aborts);

        // As another instance would: the expert role goes in the database only.
        await factory.InMerchantAsync(world.MerchantId, db => db.StaffMembers.Where(s => s.Id == world.Experts[0].Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Roles, StaffRoles.Support)));
        await Sweeper.SweepAsync(TestContext.Current.CancellationToken);
        await Sweeper.SweepAsync(TestContext.Current.CancellationToken);

        await closed.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(1, aborts);
    }

    [Fact]
    public async Task A_Store_App_connecting_and_leaving_tells_the_team_panels()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var events = Listen(world);

        var session = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0], available: false);
        await NextAsync(events, e => e.Kind == InboxEventKind.TeamChanged && e.StaffMemberId == world.Experts[0].Id);
        await session.DisposeAsync();
        await NextAsync(events, e => e.Kind == InboxEventKind.TeamChanged && e.StaffMemberId == world.Experts[0].Id);
    }

    private AsyncServiceScope MerchantScope(RoutingWorld world)
    {
        var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(world.MerchantId);
        return scope;
    }

    private Channel<InboxEvent> Listen(RoutingWorld world)
    {
        var channel = Channel.CreateUnbounded<InboxEvent>();
        factory.Services.GetRequiredService<InboxBus>().Subscribe(world.MerchantId, e =>
        {
            channel.Writer.TryWrite(e);
            return Task.CompletedTask;
        });
        return channel;
    }

    private static async Task<InboxEvent> NextAsync(Channel<InboxEvent> events, Func<InboxEvent, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var next = await events.Reader.ReadAsync(timeout.Token);
            if (wanted(next))
            {
                return next;
            }
        }
    }

    private Task<List<string>> ConnectionsAsync(RoutingWorld world, Guid staffMemberId) =>
        factory.InMerchantAsync(world.MerchantId, db => db.ExpertConnections.Where(c => c.StaffMemberId == staffMemberId).Select(c => c.ConnectionId).ToListAsync());
}
