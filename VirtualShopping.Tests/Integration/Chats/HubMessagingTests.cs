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
/// Both sides may send a message over the hub connection they already hold (SendMessage) instead of an HTTP request:
/// the same numbering, pushes, retries and refusals as REST, a refusal's text as the HubException's.
/// </summary>
public sealed class HubMessagingTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task A_shopper_sends_over_the_hub_the_expert_gets_it_and_a_retry_over_the_hub_or_rest_is_the_same_message()
    {
        var (world, expert, shopper, shopperHub, chat) = await ClaimedChatAsync();
        await using var expertSession = expert;
        await using var shopperConnection = shopperHub;

        var sent = await shopperHub.Connection.InvokeAsync<MessageView>("SendMessage", chat.Id, "  Size 38?  ", "hub-1", TestContext.Current.CancellationToken);
        var pushed = await expert.Hub.NextAsync<MessageView>(ChatHubEvents.MessageReceived, m => m.Sender == MessageSender.Shopper);
        var retriedOverHub = await shopperHub.Connection.InvokeAsync<MessageView>("SendMessage", chat.Id, "Size 38?", "hub-1", TestContext.Current.CancellationToken);
        var retriedOverRest = await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/messages", new { text = "Size 38?", clientMessageId = "hub-1" });

        Assert.Equal(("Size 38?", "hub-1", MessageSender.Shopper), (sent.Text, sent.ClientMessageId, sent.Sender));
        Assert.Equal(sent.Sequence, pushed.Sequence);
        Assert.Equal(sent.Sequence, retriedOverHub.Sequence);
        Assert.Equal(sent.Sequence, (await retriedOverRest.Content.ReadAsync<MessageView>())!.Sequence);
        Assert.Equal(1, await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.CountAsync(m => m.ChatId == chat.Id && m.Sender == MessageSender.Shopper)));
    }

    [Fact]
    public async Task A_message_sent_over_the_hub_is_the_senders_answer_and_is_pushed_only_to_their_other_tabs_and_the_expert()
    {
        var (world, expert, shopper, shopperHub, chat) = await ClaimedChatAsync();
        await using var expertSession = expert;
        await using var firstTab = shopperHub;
        await using var secondTab = await HubEvents.ConnectAsync(factory, ShopperHub.Path, shopper.DefaultRequestHeaders.Authorization!.Parameter!, ChatClients.ShopperEvents);
        firstTab.Drain<MessageView>(ChatHubEvents.MessageReceived);

        var sent = await firstTab.Connection.InvokeAsync<MessageView>("SendMessage", chat.Id, "From the first tab", "tab-1", TestContext.Current.CancellationToken);
        Assert.Equal(sent.Sequence, (await secondTab.NextAsync<MessageView>(ChatHubEvents.MessageReceived, m => m.Sender == MessageSender.Shopper)).Sequence);
        Assert.Equal(sent.Sequence, (await expert.Hub.NextAsync<MessageView>(ChatHubEvents.MessageReceived, m => m.Sender == MessageSender.Shopper)).Sequence);

        // Pushes on one connection arrive in order: the first tab's next message is the one sent over REST after it.
        (await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/messages", new { text = "Over REST", clientMessageId = "rest-1" })).EnsureSuccessStatusCode();
        var next = await firstTab.NextAsync<MessageView>(ChatHubEvents.MessageReceived);
        Assert.Equal(("Over REST", sent.Sequence + 1), (next.Text, next.Sequence));
    }

    [Fact]
    public async Task The_hub_refuses_what_rest_refuses_with_the_same_text()
    {
        var (world, expert, shopper, shopperHub, chat) = await ClaimedChatAsync();
        await using var expertSession = expert;
        await using var shopperConnection = shopperHub;
        var url = $"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/messages";

        var empty = await Assert.ThrowsAsync<HubException>(() => shopperHub.Connection.InvokeAsync<MessageView>("SendMessage", chat.Id, " \u200B ", null, TestContext.Current.CancellationToken));
        var restEmpty = (await (await shopper.PostAsJsonAsync(url, new { text = " \u200B " })).Content.ReadAsync<ValidationProblemDetails>())!;
        Assert.EndsWith(restEmpty.Errors["text"].Single(), empty.Message, StringComparison.Ordinal);

        var elsewhere = await Assert.ThrowsAsync<HubException>(() => shopperHub.Connection.InvokeAsync<MessageView>("SendMessage", Guid.NewGuid(), "Hello?", null, TestContext.Current.CancellationToken));
        Assert.EndsWith(ChatResults.NoSuchChat, elsewhere.Message, StringComparison.Ordinal);

        // Someone else's chat is no chat at all, over either hub.
        var (_, other) = await RoutingScenario.ChatAsync(factory, world);
        var notTheirs = await Assert.ThrowsAsync<HubException>(() => expert.Hub.Connection.InvokeAsync<MessageView>("SendMessage", other.Id, "Hi", null, TestContext.Current.CancellationToken));
        Assert.EndsWith(ChatResults.NoSuchChat, notTheirs.Message, StringComparison.Ordinal);

        (await shopper.PostAsync($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/end", null)).EnsureSuccessStatusCode();
        var ended = await Assert.ThrowsAsync<HubException>(() => shopperHub.Connection.InvokeAsync<MessageView>("SendMessage", chat.Id, "Wait!", null, TestContext.Current.CancellationToken));
        var restEnded = (await (await shopper.PostAsJsonAsync(url, new { text = "Wait!" })).Content.ReadAsync<ProblemDetails>())!;
        Assert.EndsWith(restEnded.Detail!, ended.Message, StringComparison.Ordinal);
        Assert.EndsWith("This chat has ended.", ended.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expert_sends_over_the_hub_under_their_name_and_once_deactivated_is_refused_over_the_hub_and_rest()
    {
        var (world, expert, _, shopperHub, chat) = await ClaimedChatAsync();
        await using var expertSession = expert;
        await using var shopperConnection = shopperHub;

        var sent = await expert.Hub.Connection.InvokeAsync<MessageView>("SendMessage", chat.Id, "We do, in blue and black.", "e-1", TestContext.Current.CancellationToken);
        var pushed = await shopperHub.NextAsync<MessageView>(ChatHubEvents.MessageReceived, m => m.Sender == MessageSender.Expert);
        Assert.Equal((sent.Sequence, expert.Person.Name, "We do, in blue and black."), (pushed.Sequence, pushed.AuthorName, pushed.Text));

        // Deactivated behind the app's back (its token still verifies): neither the hub nor the API stores another word.
        await factory.InMerchantAsync(world.MerchantId, db => db.StaffMembers.Where(s => s.Id == expert.Person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, VirtualShopping.Domain.Staff.StaffStatus.Deactivated)));
        var refused = await Assert.ThrowsAsync<HubException>(() => expert.Hub.Connection.InvokeAsync<MessageView>("SendMessage", chat.Id, "One more thing", null, TestContext.Current.CancellationToken));
        Assert.EndsWith(ActiveExpertHubFilter.NoAccess, refused.Message, StringComparison.Ordinal);
        var overRest = await expert.Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/messages", new { text = "One more thing" });
        Assert.Equal(HttpStatusCode.Forbidden, overRest.StatusCode);
        Assert.Equal(ActiveExpertHubFilter.NoAccess, (await overRest.Content.ReadAsync<ProblemDetails>())!.Detail);
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.CountAsync(m => m.ChatId == chat.Id && m.Text == "One more thing")));
    }

    private async Task<(RoutingWorld World, ExpertSession Expert, HttpClient Shopper, HubEvents ShopperHub, ChatView Chat)> ClaimedChatAsync()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1, s => s.NumberOfWaves = 1);
        var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        var (shopper, chat) = await RoutingScenario.ChatAsync(factory, world);
        var offer = await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        (await expert.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).EnsureSuccessStatusCode();
        var shopperHub = await HubEvents.ConnectAsync(factory, ShopperHub.Path, shopper.DefaultRequestHeaders.Authorization!.Parameter!, ChatClients.ShopperEvents);
        return (world, expert, shopper, shopperHub, chat);
    }
}
