using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>
/// Offers and deadlines live in the database: when the app stops with offers counting down and starts again
/// after they ran out, the new host resolves them on its first sweep (it sweeps at start-up, then every
/// Routing:SweepIntervalMilliseconds, at most 1000), the waves carry on, and the chat is missed at its deadline.
/// Offers that ran out while the app was down were never on anyone's screen, so they are not the experts' missed offers.
/// </summary>
public sealed class RestartTests : IAsyncDisposable
{
    private readonly TestDatabase database = new();
    private readonly RoutingFactory before;
    private RoutingFactory? after;

    public RestartTests() => before = new RoutingFactory(database.Path);

    public async ValueTask DisposeAsync()
    {
        if (after is not null)
        {
            await after.DisposeAsync();
        }

        await before.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task A_restarted_app_resolves_expired_offers_at_once_and_carries_on_with_the_waves()
    {
        var world = await RoutingWorld.CreateAsync(before.Services, experts: 4, s => s.NumberOfWaves = 2);
        var experts = new List<ExpertSession>();
        foreach (var person in world.Experts)
        {
            experts.Add(await RoutingScenario.ExpertOnlineAsync(before, person));
        }

        var (shopper, shopperToken, _) = await ChatClients.ShopperAsync(before, world.WidgetKey);
        var chat = (await (await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats", new { departmentId = world.ShoesId, language = "en" }))
            .Content.ReadAsync<ChatView>())!;
        var firstWave = await OffersAsync(before, world, chat.Id);
        Assert.Equal(2, firstWave.Count); // 4 experts over 2 waves
        Assert.All(firstWave, o => Assert.Equal(OfferStatus.Pending, o.Status));

        // The app stops (the experts' phones lose it) with the first wave counting down...
        foreach (var expert in experts)
        {
            await expert.DisposeAsync();
        }

        // ...and comes back 20 seconds later, past the 15-second countdown and the second wave's time.
        var (restarted, sweeper) = await RestartAfterAsync(TimeSpan.FromSeconds(20));

        var resolved = await OffersAsync(restarted, world, chat.Id);
        Assert.All(resolved.Where(o => o.Wave == 0), o => Assert.Equal(OfferStatus.Expired, o.Status));
        var stored = await restarted.InMerchantAsync(world.MerchantId, db => db.Chats.AsNoTracking().SingleAsync(c => c.Id == chat.Id));
        Assert.Equal(ChatStatus.Waiting, stored.Status);
        Assert.Equal(2, stored.WavesSent); // the second wave went out (to nobody: nobody is connected to the new host)

        // The offers ran out while the app was down, so nobody's phone showed them: not missed offers.
        var missedInARow = await restarted.InMerchantAsync(world.MerchantId, db =>
            db.StaffMembers.Where(s => firstWave.Select(o => o.StaffMemberId).Contains(s.Id)).Select(s => s.ConsecutiveMissedOffers).ToListAsync());
        Assert.All(missedInARow, n => Assert.Equal(0, n));

        // At the end of the 90-second claim period the chat becomes a missed chat and the shopper may leave a message.
        restarted.Clock.Advance(TimeSpan.FromSeconds(70));
        await sweeper.SweepAsync();
        using var shopperAfter = restarted.CreateClient();
        shopperAfter.DefaultRequestHeaders.Authorization = new("Bearer", shopperToken);
        var view = (await shopperAfter.GetJsonAsync<ChatView>($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}"))!;
        Assert.Equal((ChatStatus.Missed, true), (view.Status, view.CanLeaveMessage));
    }

    [Fact]
    public async Task Offers_that_ran_out_while_the_app_was_down_are_not_missed_offers_but_three_missed_while_it_runs_are()
    {
        var world = await RoutingWorld.CreateAsync(before.Services, experts: 1, s => s.NumberOfWaves = 1);
        var expert = await RoutingScenario.ExpertOnlineAsync(before, world.Experts[0]);
        for (var i = 0; i < 3; i++)
        {
            await RoutingScenario.ChatAsync(before, world);
            await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        }

        // The app stops with three offers on the expert's phone and comes back after they ran out.
        await expert.DisposeAsync();
        var (restarted, sweeper) = await RestartAfterAsync(TimeSpan.FromSeconds(20));

        var person = await restarted.InMerchantAsync(world.MerchantId, db => db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == world.Experts[0].Id));
        Assert.Equal(3, await restarted.InMerchantAsync(world.MerchantId, db => db.ChatOffers.CountAsync(o => o.Status == OfferStatus.Expired)));
        Assert.Equal((0, true), (person.ConsecutiveMissedOffers, person.IsAvailable));

        // Back on the running app, three offers that run out on the phone do make the expert unavailable.
        await using var back = await RoutingScenario.ExpertOnlineAsync(restarted, world.Experts[0]);
        for (var i = 1; i <= 3; i++)
        {
            await RoutingScenario.ChatAsync(restarted, world);
            await back.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
            restarted.Clock.Advance(TimeSpan.FromSeconds(15));
            await sweeper.SweepAsync();
        }

        var change = await back.Hub.NextAsync<AvailabilityChange>(ChatHubEvents.AvailabilityChanged);
        Assert.Equal("You missed 3 chats in a row, so you are now unavailable.", change.Reason);
        Assert.False((await back.Api.GetJsonAsync<ExpertProfile>("/api/v1/expert/me"))!.Available);
    }

    /// <summary>Stops the app and starts it again over the same database after the downtime; returns the new host and its sweeper after the first sweep.</summary>
    private async Task<(RoutingFactory Host, RoutingSweeper Sweeper)> RestartAfterAsync(TimeSpan downtime)
    {
        await before.DisposeAsync();
        before.Clock.Advance(downtime);
        after = new RoutingFactory(database.Path, before.Clock);
        var sweeper = after.Services.GetRequiredService<RoutingSweeper>();
        await sweeper.FirstSweepDone.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return (after, sweeper);
    }

    private static Task<List<ChatOffer>> OffersAsync(RoutingFactory host, RoutingWorld world, Guid chatId) =>
        host.InMerchantAsync(world.MerchantId, db => db.ChatOffers.AsNoTracking().Where(o => o.ChatId == chatId).ToListAsync());
}
