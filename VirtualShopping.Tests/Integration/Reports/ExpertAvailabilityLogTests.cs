using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Integration.Chats;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Staff;

namespace VirtualShopping.Tests.Integration.Reports;

/// <summary>
/// Every change of an expert's availability is logged as a period (the team report's available hours): the Store
/// App switch, going unavailable after three declines in a row, and losing access when deactivated.
/// </summary>
public sealed class ExpertAvailabilityLogTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    private Task<List<ExpertAvailabilityPeriod>> PeriodsAsync(RoutingWorld world, Guid expert) =>
        factory.InMerchantAsync(world.MerchantId, db => db.ExpertAvailabilityPeriods.AsNoTracking().Where(p => p.StaffMemberId == expert).OrderBy(p => p.From).ToListAsync());

    [Fact]
    public async Task The_availability_switch_opens_and_closes_a_period_and_a_second_switch_on_opens_none()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var opened = factory.Clock.GetUtcNow();
        await using var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        (await expert.Api.PutAsJsonAsync("/api/v1/expert/availability", new { available = true }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var open = Assert.Single(await PeriodsAsync(world, world.Experts[0].Id));
        Assert.Equal((opened, (DateTimeOffset?)null), (open.From, open.To));

        factory.Clock.Advance(TimeSpan.FromMinutes(45));
        (await expert.Api.PutAsJsonAsync("/api/v1/expert/availability", new { available = false }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var closed = Assert.Single(await PeriodsAsync(world, world.Experts[0].Id));
        Assert.Equal(opened.AddMinutes(45), closed.To);
    }

    [Fact]
    public async Task Going_unavailable_after_three_declines_closes_the_period()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1, s => s.NumberOfWaves = 1);
        await using var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        for (var i = 1; i <= 3; i++)
        {
            await RoutingScenario.ChatAsync(factory, world);
            var offer = await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
            (await expert.Api.PostAsJsonAsync($"/api/v1/expert/offers/{offer.OfferId}/decline", new { goUnavailable = false }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        var period = Assert.Single(await PeriodsAsync(world, world.Experts[0].Id));
        Assert.Equal(factory.Clock.GetUtcNow(), period.To);
    }

    [Fact]
    public async Task Deactivating_an_available_expert_closes_their_period()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        factory.Clock.Advance(TimeSpan.FromMinutes(20));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<VirtualShopping.Infrastructure.Tenancy.MerchantScope>().Use(world.MerchantId);
            var saved = await scope.ServiceProvider.GetRequiredService<StaffService>().DeactivateAsync(world.Experts[0].Id, new StaffActor(null, new StaffRights(StaffRoles.HqAdmin, DashboardAccess.All)), TestContext.Current.CancellationToken);
            Assert.True(saved.Succeeded);
        }

        var period = Assert.Single(await PeriodsAsync(world, world.Experts[0].Id));
        Assert.Equal(factory.Clock.GetUtcNow(), period.To);
    }
}
