using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>
/// An expert may claim an offer over the hub connection they already hold (ClaimOffer) instead of an HTTP request:
/// the same race and answers as POST .../offers/{id}/claim, a lost race as a reason, not an error.
/// </summary>
public sealed class HubClaimTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task The_first_claim_over_the_hub_gets_the_chat_and_a_colleague_is_told_why_not_as_rest_would()
    {
        var world = await RoutingScenario.WorldAsync(factory, 2, s => s.NumberOfWaves = 1);
        await using var first = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        await using var second = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[1]);
        var (_, chat) = await RoutingScenario.ChatAsync(factory, world);
        var firstOffer = await first.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        var secondOffer = await second.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);

        var won = await first.Hub.Connection.InvokeAsync<HubClaim>("ClaimOffer", firstOffer.OfferId, TestContext.Current.CancellationToken);
        var lost = await second.Hub.Connection.InvokeAsync<HubClaim>("ClaimOffer", secondOffer.OfferId, TestContext.Current.CancellationToken);
        var lostOverRest = await second.Api.PostAsync($"/api/v1/expert/offers/{secondOffer.OfferId}/claim", null);

        Assert.True(won.Claimed);
        Assert.Equal((chat.Id, ChatStatus.Active, world.Experts[0].Name), (won.Chat!.Id, won.Chat.Status, won.Chat.ExpertName));
        Assert.Equal((false, null, nameof(ClaimRefusal.TakenByColleague), ClaimOutcome.ColleagueClaimedFirst), (lost.Claimed, lost.Chat, lost.Reason, lost.Explanation));
        Assert.Equal(HttpStatusCode.Conflict, lostOverRest.StatusCode);
        var problem = (await lostOverRest.Content.ReadAsync<ProblemDetails>())!;
        Assert.Equal((lost.Explanation, lost.Reason), (problem.Detail, problem.Extensions["reason"]?.ToString()));

        // The winner's second tap is answered, not claimed twice.
        var again = await first.Hub.Connection.InvokeAsync<HubClaim>("ClaimOffer", firstOffer.OfferId, TestContext.Current.CancellationToken);
        Assert.Equal((false, nameof(ClaimRefusal.AlreadyAnswered)), (again.Claimed, again.Reason));
        var stored = await factory.InMerchantAsync(world.MerchantId, db => db.Chats.AsNoTracking().SingleAsync(c => c.Id == chat.Id));
        Assert.Equal((ChatStatus.Active, world.Experts[0].Id), (stored.Status, stored.ExpertId));
    }

    [Fact]
    public async Task An_unknown_offer_or_a_revoked_expert_is_refused_over_the_hub_and_nothing_is_claimed()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1, s => s.NumberOfWaves = 1);
        await using var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        var (_, chat) = await RoutingScenario.ChatAsync(factory, world);
        var offer = await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);

        var unknown = await Assert.ThrowsAsync<HubException>(() => expert.Hub.Connection.InvokeAsync<HubClaim>("ClaimOffer", Guid.NewGuid(), TestContext.Current.CancellationToken));
        Assert.EndsWith("There is no such offer for you.", unknown.Message, StringComparison.Ordinal);

        // Deactivated behind the app's back (its token still verifies and its connection is still open).
        await factory.InMerchantAsync(world.MerchantId, db => db.StaffMembers.Where(s => s.Id == expert.Person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, VirtualShopping.Domain.Staff.StaffStatus.Deactivated)));
        var revoked = await Assert.ThrowsAsync<HubException>(() => expert.Hub.Connection.InvokeAsync<HubClaim>("ClaimOffer", offer.OfferId, TestContext.Current.CancellationToken));
        Assert.EndsWith(ActiveExpertHubFilter.NoAccess, revoked.Message, StringComparison.Ordinal);

        var stored = await factory.InMerchantAsync(world.MerchantId, db => db.Chats.AsNoTracking().SingleAsync(c => c.Id == chat.Id));
        Assert.Equal((ChatStatus.Waiting, null), (stored.Status, stored.ExpertId));
    }
}
