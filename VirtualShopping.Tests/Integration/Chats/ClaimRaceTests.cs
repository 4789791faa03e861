using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>
/// Twelve experts offered the same chat claim it at the same moment, half through one app instance and half
/// through a second instance over the same database: exactly one wins, everyone else gets 409 with a clear
/// problem detail, and the database shows one claimed offer and eleven withdrawn ones.
/// </summary>
public sealed class ClaimRaceTests : TwoInstances
{
    [Fact]
    public async Task Exactly_one_of_many_simultaneous_claims_across_two_instances_wins()
    {
        var world = await RoutingWorld.CreateAsync(First.Services, experts: 12, s => s.NumberOfWaves = 1);
        _ = Second.Server; // the second instance starts over the same database file

        var experts = new List<ExpertSession>();
        for (var i = 0; i < world.Experts.Count; i++)
        {
            experts.Add(await RoutingScenario.ExpertOnlineAsync(i % 2 == 0 ? First : Second, world.Experts[i]));
        }

        var (shopper, _, _) = await ChatClients.ShopperAsync(First, world.WidgetKey);
        var chat = (await (await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats", new { departmentId = world.ShoesId, language = "en" }))
            .Content.ReadAsync<ChatView>())!;

        // Offers are pushed by the instance that sent the wave; an expert on the other instance reads them over REST.
        var offers = new List<Guid>();
        foreach (var api in experts.Select(e => e.Api))
        {
            var pending = (await api.GetJsonAsync<List<OfferView>>("/api/v1/expert/offers"))!;
            offers.Add(Assert.Single(pending, o => o.ChatId == chat.Id).OfferId);
        }

        using var go = new SemaphoreSlim(0);
        var claims = experts.Select(async (expert, i) =>
        {
            await go.WaitAsync();
            return await expert.Api.PostAsync($"/api/v1/expert/offers/{offers[i]}/claim", null);
        }).ToList();
        go.Release(experts.Count);
        var responses = await Task.WhenAll(claims);

        var winners = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Single(winners);
        var losers = responses.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Equal(11, losers.Count);
        foreach (var loser in losers)
        {
            Assert.Equal(HttpStatusCode.Conflict, loser.StatusCode);
            var problem = (await loser.Content.ReadAsync<ProblemDetails>())!;
            Assert.Equal("A colleague claimed this chat first.", problem.Detail);
        }

        var winner = (await winners[0].Content.ReadAsync<ChatView>())!;
        var stored = await First.InMerchantAsync(world.MerchantId, async db => (
            Chat: await db.Chats.AsNoTracking().SingleAsync(c => c.Id == chat.Id),
            Offers: await db.ChatOffers.AsNoTracking().Where(o => o.ChatId == chat.Id).ToListAsync()));
        Assert.Equal(ChatStatus.Active, stored.Chat.Status);
        Assert.Equal(winner.ExpertName, stored.Chat.ExpertName);
        Assert.Equal(1, stored.Offers.Count(o => o.Status == OfferStatus.Claimed));
        Assert.Equal(11, stored.Offers.Count(o => o.Status == OfferStatus.Withdrawn));
        Assert.Equal(stored.Chat.ExpertId, stored.Offers.Single(o => o.Status == OfferStatus.Claimed).StaffMemberId);

        foreach (var expert in experts)
        {
            await expert.DisposeAsync();
        }
    }
}
