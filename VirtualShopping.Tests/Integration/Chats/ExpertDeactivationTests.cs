using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Staff;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>
/// Deactivating an expert reaches the realtime side on every app instance: their Store App connections close
/// (at once on the instance that deactivated them, at the next sweep on another one over the same database),
/// their token opens no new connection and calls no hub method, and the chat they held goes to a colleague
/// with its history, the shopper told.
/// </summary>
public sealed class ExpertDeactivationTests : TwoInstances
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_expert_deactivated_on_another_instance_while_an_offer_counts_down_cannot_claim_it()
    {
        var world = await RoutingWorld.CreateAsync(First.Services, experts: 1, s => s.NumberOfWaves = 1);
        await using var leaving = await RoutingScenario.ExpertOnlineAsync(First, world.Experts[0]);
        var (_, chat) = await RoutingScenario.ChatAsync(First, world);
        var offer = await leaving.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);

        // Deactivated through the other instance's database while this one still knows the offer it made.
        await Second.InMerchantAsync(world.MerchantId, db => db.StaffMembers.Where(s => s.Id == world.Experts[0].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, VirtualShopping.Domain.Staff.StaffStatus.Deactivated)));
        var claim = await leaving.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null);

        Assert.Equal(HttpStatusCode.Forbidden, claim.StatusCode);
        Assert.Equal(ActiveExpertHubFilter.NoAccess, (await claim.Content.ReadAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail);
        Assert.Equal(ChatStatus.Waiting, await Second.InMerchantAsync(world.MerchantId, db => db.Chats.Where(c => c.Id == chat.Id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_deactivated_expert_is_cut_off_on_every_instance_and_their_chat_goes_to_a_colleague_with_its_history()
    {
        var world = await RoutingWorld.CreateAsync(First.Services, experts: 2, s => s.NumberOfWaves = 1);
        _ = Second.Server; // the second instance starts over the same database file
        await using var leaving = await RoutingScenario.ExpertOnlineAsync(First, world.Experts[0]);
        await using var colleague = await RoutingScenario.ExpertOnlineAsync(First, world.Experts[1]);
        await using var otherDevice = await HubEvents.ConnectAsync(Second, ExpertHub.Path, leaving.Token, ChatClients.ExpertEvents);

        var (shopper, chat) = await RoutingScenario.ChatAsync(First, world);
        var offer = await leaving.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        await colleague.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        (await leaving.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).EnsureSuccessStatusCode();
        await colleague.Hub.NextAsync<Withdrawal>(ChatHubEvents.OfferWithdrawn);
        await using var shopperHub = await HubEvents.ConnectAsync(First, ShopperHub.Path, shopper.DefaultRequestHeaders.Authorization!.Parameter!, ChatClients.ShopperEvents);
        var messages = $"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/messages";
        (await shopper.PostAsJsonAsync(messages, new { text = "Size 38?" })).EnsureSuccessStatusCode();
        Assert.Equal("Size 38?", (await leaving.Hub.NextAsync<MessageView>(ChatHubEvents.MessageReceived, m => m.Sender == MessageSender.Shopper)).Text);

        await DeactivateAsync(world, world.Experts[0].Id);

        // On this instance their connection is closed at once, and the shopper is told.
        await leaving.Hub.Closed.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(HubConnectionState.Disconnected, leaving.Hub.Connection.State);
        await shopperHub.NextAsync<MessageView>(ChatHubEvents.MessageReceived, m => m.Text == ExpertAccessRevocation.HandedBackText);
        Assert.Equal(ChatStatus.Waiting, (await shopperHub.NextAsync<ChatView>(ChatHubEvents.ChatChanged)).Status);

        // The colleague is offered the chat again, claims it and reads its history.
        var again = await colleague.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        Assert.Equal(chat.Id, again.ChatId);
        (await colleague.Api.PostAsync($"/api/v1/expert/offers/{again.OfferId}/claim", null)).EnsureSuccessStatusCode();
        var history = await colleague.Hub.Connection.InvokeAsync<List<MessageView>>("MessagesSince", chat.Id, 0, TestContext.Current.CancellationToken);
        Assert.Contains(history, m => m.Text == "Size 38?");
        Assert.Contains(history, m => m.Text == ExpertAccessRevocation.HandedBackText);
        (await shopper.PostAsJsonAsync(messages, new { text = "Still there?" })).EnsureSuccessStatusCode();
        Assert.Equal("Still there?", (await colleague.Hub.NextAsync<MessageView>(ChatHubEvents.MessageReceived, m => m.Sender == MessageSender.Shopper)).Text);
        Assert.DoesNotContain(leaving.Hub.Drain<MessageView>(ChatHubEvents.MessageReceived), m => m.Text == "Still there?");

        // On the other instance the open connection may call nothing, and its next sweep closes it.
        var refused = await Assert.ThrowsAsync<HubException>(() => otherDevice.Connection.InvokeAsync<List<MessageView>>("MessagesSince", chat.Id, 0, TestContext.Current.CancellationToken));
        Assert.True(refused.Message.Contains(ActiveExpertHubFilter.NoAccess, StringComparison.Ordinal), refused.Message);
        await Second.Services.GetRequiredService<RoutingSweeper>().SweepAsync(TestContext.Current.CancellationToken);
        await otherDevice.Closed.WaitAsync(Patience, TestContext.Current.CancellationToken);

        // The old token opens no connection on either instance, and the API refuses it.
        foreach (var instance in new[] { First, Second })
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => HubEvents.ConnectAsync(instance, ExpertHub.Path, leaving.Token, ChatClients.ExpertEvents));
            Assert.True(error.Message.Contains(ActiveExpertHubFilter.NoAccess, StringComparison.Ordinal), error.Message);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await leaving.Api.GetAsync($"/api/v1/expert/chats/{chat.Id}/messages")).StatusCode);
        Assert.Equal(0, await First.InMerchantAsync(world.MerchantId, db => db.ExpertConnections.CountAsync(c => c.StaffMemberId == world.Experts[0].Id)));
    }

    private async Task DeactivateAsync(RoutingWorld world, Guid staffMemberId)
    {
        await using var scope = First.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(world.MerchantId);
        var result = await scope.ServiceProvider.GetRequiredService<StaffService>().DeactivateAsync(staffMemberId, new StaffActor(null, new VirtualShopping.Domain.Staff.StaffRights(VirtualShopping.Domain.Staff.StaffRoles.HqAdmin, VirtualShopping.Domain.Staff.DashboardAccess.All)));
        Assert.True(result.Succeeded);
    }
}
