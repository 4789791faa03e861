using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>
/// What routing costs the database, counted command by command: the experts who lose a claim cost nothing once
/// this instance knows the chat is taken, a wave's offers and a claim's withdrawals are one statement each, and a
/// sweep pass costs the same whether 1 or 500 active chats are not due. (The race across instances stays with
/// the database: see <see cref="ClaimRaceTests"/>.)
/// </summary>
public sealed class RoutingCostTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task Simultaneous_claims_of_one_chat_in_one_instance_cost_what_the_winning_claim_costs()
    {
        var world = await RoutingScenario.WorldAsync(factory, 6, s => s.NumberOfWaves = 1);
        var experts = await OnlineAsync(world);

        // The cost of one claim alone, on a first chat.
        var (_, first) = await RoutingScenario.ChatAsync(factory, world);
        var firstOffers = await OffersAsync(world, first.Id);
        int alone;
        using (var counted = factory.Sql.Count())
        {
            var won = await ClaimAsync(world, firstOffers[0]);
            Assert.NotNull(won.Chat);
            alone = counted.Total;
        }

        // Six experts claim a second chat at the same moment: one wins, five are told a colleague was first, and
        // together they cost no more than that one claim: the losers wait for the winner and are answered from memory.
        var (_, second) = await RoutingScenario.ChatAsync(factory, world);
        var offers = await OffersAsync(world, second.Id);
        Assert.Equal(6, offers.Count);
        ClaimOutcome[] outcomes;
        using (var counted = factory.Sql.Count())
        {
            outcomes = await Task.WhenAll(offers.Select(o => Task.Run(() => ClaimAsync(world, o))));
            Assert.Equal(alone, counted.Total);
        }

        Assert.Single(outcomes, o => o.Chat is not null);
        Assert.All(outcomes.Where(o => o.Chat is null), o => Assert.Equal(ClaimRefusal.TakenByColleague, o.Refusal));

        // A loser who taps again later is answered from memory too; so is the winner's double tap.
        var winner = offers[Array.FindIndex(outcomes, o => o.Chat is not null)];
        var loser = offers.First(o => o.Id != winner.Id);
        using (var counted = factory.Sql.Count())
        {
            Assert.Equal(ClaimRefusal.TakenByColleague, (await ClaimAsync(world, loser)).Refusal);
            Assert.Equal(ClaimRefusal.AlreadyAnswered, (await ClaimAsync(world, winner)).Refusal);
            Assert.Equal(0, counted.Total);
        }

        // What the database holds is what the answers said, and no claim is left waiting its turn.
        var stored = await factory.InMerchantAsync(world.MerchantId, db => db.ChatOffers.AsNoTracking().Where(o => o.ChatId == second.Id).ToListAsync());
        Assert.Equal(winner.Id, Assert.Single(stored, o => o.Status == OfferStatus.Claimed).Id);
        Assert.Equal(5, stored.Count(o => o.Status == OfferStatus.Withdrawn));
        Assert.Equal(0, factory.Services.GetRequiredService<ClaimMemory>().ChatsInFlight);
        await DisposeAllAsync(experts);
    }

    [Fact]
    public async Task A_wave_writes_its_offers_in_one_statement_and_a_claim_withdraws_the_others_in_one()
    {
        var world = await RoutingScenario.WorldAsync(factory, 6, s => s.NumberOfWaves = 1);
        var experts = await OnlineAsync(world);

        var mark = factory.Sql.Mark;
        var (_, chat) = await RoutingScenario.ChatAsync(factory, world);
        var offers = await OffersAsync(world, chat.Id);
        Assert.Equal(6, offers.Count);
        Assert.Single(factory.Sql.Since(mark), c => c.StartsWith("INSERT INTO \"ChatOffers\"", StringComparison.Ordinal));

        var claimer = experts.Single(e => e.Person.Id == offers[0].StaffMemberId);
        mark = factory.Sql.Mark;
        (await claimer.Api.PostAsync($"/api/v1/expert/offers/{offers[0].Id}/claim", null)).EnsureSuccessStatusCode();
        Assert.Single(factory.Sql.Since(mark), c => c.Contains("UPDATE \"ChatOffers\"", StringComparison.Ordinal));

        // Every other expert is told, each with their own offer.
        foreach (var other in experts.Where(e => e != claimer))
        {
            var withdrawn = await other.Hub.NextAsync<Withdrawal>(ChatHubEvents.OfferWithdrawn);
            Assert.Equal(offers.Single(o => o.StaffMemberId == other.Person.Id).Id, withdrawn.OfferId);
            Assert.Equal(OfferWithdrawal.ClaimedByColleague, withdrawn.Reason);
        }

        await DisposeAllAsync(experts);
    }

    [Fact]
    public async Task A_sweep_pass_costs_the_same_with_1_or_500_active_chats_that_are_not_due()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1, s => s.NumberOfWaves = 1);
        await AddActiveChatsAsync(world, 1);
        await NoConnectionHeldAsync(); // the experts of this class's other tests have gone (a held one adds its heartbeat)
        await SweepAsync(); // whatever else is due in this database is resolved first
        var withOne = await SweepAsync();

        // Quiet for five minutes: past the minute the sweep used to look from, short of the merchant's idle warning.
        await AddActiveChatsAsync(world, 499);
        var withFiveHundred = await SweepAsync();

        Assert.Equal(withOne, withFiveHundred);
    }

    private async Task<List<ExpertSession>> OnlineAsync(RoutingWorld world)
    {
        var experts = new List<ExpertSession>();
        foreach (var person in world.Experts)
        {
            experts.Add(await RoutingScenario.ExpertOnlineAsync(factory, person));
        }

        return experts;
    }

    private Task<List<ChatOffer>> OffersAsync(RoutingWorld world, Guid chatId) =>
        factory.InMerchantAsync(world.MerchantId, db => db.ChatOffers.AsNoTracking().Where(o => o.ChatId == chatId).ToListAsync());

    private async Task<ClaimOutcome> ClaimAsync(RoutingWorld world, ChatOffer offer)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(world.MerchantId);
        return await scope.ServiceProvider.GetRequiredService<ChatRouter>().ClaimAsync(offer.StaffMemberId, offer.Id);
    }

    /// <summary>One pass of a fresh sweeper (so every pass does the same checks), counting its commands.</summary>
    private async Task<int> SweepAsync()
    {
        var sweeper = ActivatorUtilities.CreateInstance<RoutingSweeper>(factory.Services);
        using var counted = factory.Sql.Count();
        await sweeper.SweepAsync();
        return counted.Total;
    }

    /// <summary>Waits (up to 10 s) for the server to have let go of every expert connection the other tests closed.</summary>
    private async Task NoConnectionHeldAsync()
    {
        var registry = factory.Services.GetRequiredService<ExpertConnectionRegistry>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (registry.ConnectionIds.Count > 0)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private Task<int> AddActiveChatsAsync(RoutingWorld world, int count) =>
        factory.InMerchantAsync(world.MerchantId, async db =>
        {
            var now = factory.Clock.GetUtcNow();
            for (var i = 0; i < count; i++)
            {
                var chat = Chat.Start(Guid.NewGuid(), world.ShoesId, "en", now.AddMinutes(-6), new StoreAppSettings());
                chat.Status = ChatStatus.Active;
                chat.ExpertId = world.Experts[0].Id;
                chat.ExpertName = world.Experts[0].Name;
                chat.ClaimedAt = now.AddMinutes(-6);
                chat.NextWaveAt = null;
                chat.WavesSent = 1;
                chat.LastActivityAt = now.AddMinutes(-5);
                db.Chats.Add(chat);
            }

            return await db.SaveChangesAsync();
        });

    private static async Task DisposeAllAsync(List<ExpertSession> experts)
    {
        foreach (var expert in experts)
        {
            await expert.DisposeAsync();
        }
    }
}
