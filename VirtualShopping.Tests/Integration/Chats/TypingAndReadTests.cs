using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>
/// Typing indicators and read state both ways over the real hubs and REST: each reaches the other side only,
/// only the chat's own participants may send them, a finished chat ignores typing, read state only ever rises
/// and never passes the last message, and the chat shows the expert's store.
/// </summary>
public sealed class TypingAndReadTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task Typing_goes_to_the_other_side_only_from_either_side()
    {
        await using var chat = await ActiveChatAsync();

        await chat.ShopperHub.Connection.InvokeAsync("Typing", chat.Id, TestContext.Current.CancellationToken);
        var atExpert = await chat.Expert.Hub.NextAsync<TypingView>(ChatHubEvents.Typing);
        Assert.Equal((chat.Id, MessageSender.Shopper), (atExpert.ChatId, atExpert.Sender));

        await chat.Expert.Hub.Connection.InvokeAsync("Typing", chat.Id, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, (await chat.Expert.Api.PostAsync($"/api/v1/expert/chats/{chat.Id}/typing", null, TestContext.Current.CancellationToken)).StatusCode);
        var atShopper = await chat.ShopperHub.NextAsync<TypingView>(ChatHubEvents.Typing);
        Assert.Equal((chat.Id, MessageSender.Expert), (atShopper.ChatId, atShopper.Sender));
        Assert.Equal(MessageSender.Expert, (await chat.ShopperHub.NextAsync<TypingView>(ChatHubEvents.Typing)).Sender);

        // Pushes on one connection arrive in order: anything sent to a sender about their own typing came before these.
        Assert.Empty(chat.ShopperHub.Drain<TypingView>(ChatHubEvents.Typing));
        await chat.ShopperHub.Connection.InvokeAsync("Typing", chat.Id, TestContext.Current.CancellationToken);
        await chat.Expert.Hub.NextAsync<TypingView>(ChatHubEvents.Typing);
        Assert.Empty(chat.Expert.Hub.Drain<TypingView>(ChatHubEvents.Typing));
    }

    [Fact]
    public async Task Only_the_chats_participants_may_send_typing_or_read_state()
    {
        await using var chat = await ActiveChatAsync();
        var (_, strangerToken, _) = await ChatClients.ShopperAsync(factory, chat.World.WidgetKey);
        await using var stranger = await HubEvents.ConnectAsync(factory, ShopperHub.Path, strangerToken, ChatClients.ShopperEvents);
        await using var colleague = await RoutingScenario.ExpertOnlineAsync(factory, chat.World.Experts[1], available: false);

        var typing = await Assert.ThrowsAsync<HubException>(() => stranger.Connection.InvokeAsync("Typing", chat.Id, TestContext.Current.CancellationToken));
        Assert.Contains(ChatResults.NoSuchChat, typing.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => stranger.Connection.InvokeAsync<ReadView>("MarkRead", chat.Id, 1, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<HubException>(() => colleague.Hub.Connection.InvokeAsync("Typing", chat.Id, TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Api.PostAsync($"/api/v1/expert/chats/{chat.Id}/typing", null, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/read", new { sequence = 1 }, TestContext.Current.CancellationToken)).StatusCode);
        var (strangerApi, _, _) = await ChatClients.ShopperAsync(factory, chat.World.WidgetKey);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerApi.PostAsJsonAsync($"/api/v1/widget/{chat.World.WidgetKey}/chats/{chat.Id}/read", new { sequence = 1 }, TestContext.Current.CancellationToken)).StatusCode);

        // Nothing reached the chat's own participants (a marker from each side arrives after anything sent before it), and nothing was stored.
        await chat.Expert.Api.PostAsync($"/api/v1/expert/chats/{chat.Id}/typing", null, TestContext.Current.CancellationToken);
        Assert.Equal(MessageSender.Expert, (await chat.ShopperHub.NextAsync<TypingView>(ChatHubEvents.Typing)).Sender);
        Assert.Empty(chat.ShopperHub.Drain<TypingView>(ChatHubEvents.Typing));
        Assert.Empty(chat.ShopperHub.Drain<ReadView>(ChatHubEvents.Read));
        await chat.ShopperHub.Connection.InvokeAsync("Typing", chat.Id, TestContext.Current.CancellationToken);
        await chat.Expert.Hub.NextAsync<TypingView>(ChatHubEvents.Typing);
        Assert.Empty(chat.Expert.Hub.Drain<TypingView>(ChatHubEvents.Typing));
        Assert.Empty(chat.Expert.Hub.Drain<ReadView>(ChatHubEvents.Read));
        var view = (await chat.Shopper.GetJsonAsync<ChatView>($"/api/v1/widget/{chat.World.WidgetKey}/chats/{chat.Id}"))!;
        Assert.Equal((0, 0), (view.ShopperReadSequence, view.ExpertReadSequence));
    }

    [Fact]
    public async Task A_finished_chat_ignores_typing()
    {
        await using var chat = await ActiveChatAsync();
        (await chat.Shopper.PostAsync($"/api/v1/widget/{chat.World.WidgetKey}/chats/{chat.Id}/end", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await chat.Expert.Hub.NextAsync<ChatView>(ChatHubEvents.ChatChanged, c => c.Status == ChatStatus.Ended);

        await chat.ShopperHub.Connection.InvokeAsync("Typing", chat.Id, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, (await chat.Expert.Api.PostAsync($"/api/v1/expert/chats/{chat.Id}/typing", null, TestContext.Current.CancellationToken)).StatusCode);

        // Reading still works after the end; its push comes after anything the typing would have sent.
        await chat.ShopperHub.Connection.InvokeAsync<ReadView>("MarkRead", chat.Id, 1, TestContext.Current.CancellationToken);
        await chat.Expert.Hub.NextAsync<ReadView>(ChatHubEvents.Read);
        (await chat.Expert.Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/read", new { sequence = 1 }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await chat.ShopperHub.NextAsync<ReadView>(ChatHubEvents.Read);
        Assert.Empty(chat.Expert.Hub.Drain<TypingView>(ChatHubEvents.Typing));
        Assert.Empty(chat.ShopperHub.Drain<TypingView>(ChatHubEvents.Typing));
    }

    [Fact]
    public async Task Read_state_rises_only_stops_at_the_last_message_and_reaches_the_other_side()
    {
        await using var chat = await ActiveChatAsync();
        var messages = $"/api/v1/widget/{chat.World.WidgetKey}/chats/{chat.Id}/messages";
        (await chat.Shopper.PostAsJsonAsync(messages, new { text = "Size 38?" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        (await chat.Expert.Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/messages", new { text = "Yes, in black." }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        // The shopper has seen everything (and claims more): capped at message 3, the expert told.
        var marked = await chat.ShopperHub.Connection.InvokeAsync<ReadView>("MarkRead", chat.Id, 99, TestContext.Current.CancellationToken);
        Assert.Equal(new ReadView(chat.Id, MessageSender.Shopper, 3), marked);
        Assert.Equal(new ReadView(chat.Id, MessageSender.Shopper, 3), await chat.Expert.Hub.NextAsync<ReadView>(ChatHubEvents.Read));

        // A late, lower mark changes nothing and tells nobody.
        var rest = await chat.Shopper.PostAsJsonAsync($"/api/v1/widget/{chat.World.WidgetKey}/chats/{chat.Id}/read", new { sequence = 1 }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        Assert.Equal(3, (await rest.Content.ReadAsync<ReadView>())!.Sequence);

        // The expert reads up to the shopper's message over REST, then further over the hub.
        var expertRead = await chat.Expert.Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/read", new { sequence = 2 }, TestContext.Current.CancellationToken);
        Assert.Equal(new ReadView(chat.Id, MessageSender.Expert, 2), await expertRead.Content.ReadAsync<ReadView>());
        Assert.Equal(new ReadView(chat.Id, MessageSender.Expert, 2), await chat.ShopperHub.NextAsync<ReadView>(ChatHubEvents.Read));
        await chat.Expert.Hub.Connection.InvokeAsync<ReadView>("MarkRead", chat.Id, 3, TestContext.Current.CancellationToken);
        Assert.Equal(3, (await chat.ShopperHub.NextAsync<ReadView>(ChatHubEvents.Read)).Sequence);
        Assert.Empty(chat.Expert.Hub.Drain<ReadView>(ChatHubEvents.Read));
        Assert.Empty(chat.ShopperHub.Drain<ReadView>(ChatHubEvents.Read));

        var view = (await chat.Shopper.GetJsonAsync<ChatView>($"/api/v1/widget/{chat.World.WidgetKey}/chats/{chat.Id}"))!;
        Assert.Equal((3, 3), (view.ShopperReadSequence, view.ExpertReadSequence));
        var expertView = Assert.Single((await chat.Expert.Api.GetJsonAsync<List<ChatView>>("/api/v1/expert/chats"))!, c => c.Id == chat.Id);
        Assert.Equal((3, 3), (expertView.ShopperReadSequence, expertView.ExpertReadSequence));
    }

    [Fact]
    public async Task A_bad_read_mark_is_refused_naming_the_field()
    {
        await using var chat = await ActiveChatAsync();

        var negative = await chat.Shopper.PostAsJsonAsync($"/api/v1/widget/{chat.World.WidgetKey}/chats/{chat.Id}/read", new { sequence = -1 }, TestContext.Current.CancellationToken);
        var missing = await chat.Expert.Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/read", new { }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.True((await negative.Content.ReadAsync<ValidationProblemDetails>())!.Errors.ContainsKey("sequence"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadAsync<ValidationProblemDetails>())!.Errors.ContainsKey("sequence"));
    }

    [Fact]
    public async Task The_shopper_sees_which_store_the_expert_answers_from()
    {
        await using var chat = await ActiveChatAsync();

        Assert.Equal(("Expert 01", "Regent Street"), (chat.Joined.ExpertName, chat.Joined.ExpertStoreName));
        var view = (await chat.Shopper.GetJsonAsync<ChatView>($"/api/v1/widget/{chat.World.WidgetKey}/chats/{chat.Id}"))!;
        Assert.Equal("Regent Street", view.ExpertStoreName);
    }

    /// <summary>A chat claimed by the world's first expert, with the shopper's hub connected.</summary>
    private async Task<ActiveChat> ActiveChatAsync()
    {
        var world = await RoutingScenario.WorldAsync(factory, 2, s => s.NumberOfWaves = 1);
        var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        var (shopper, token, _) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        var shopperHub = await HubEvents.ConnectAsync(factory, ShopperHub.Path, token, ChatClients.ShopperEvents);
        var started = await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats", new { departmentId = world.ShoesId, language = "en" });
        var chat = (await started.Content.ReadAsync<ChatView>())!;
        var offer = await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        (await expert.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).EnsureSuccessStatusCode();
        var joined = await shopperHub.NextAsync<ChatView>(ChatHubEvents.ChatChanged, c => c.Status == ChatStatus.Active);
        await shopperHub.NextAsync<MessageView>(ChatHubEvents.MessageReceived);
        return new ActiveChat(world, chat.Id, shopper, shopperHub, expert, joined);
    }

    private sealed record ActiveChat(RoutingWorld World, Guid Id, HttpClient Shopper, HubEvents ShopperHub, ExpertSession Expert, ChatView Joined) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await ShopperHub.DisposeAsync();
            await Expert.DisposeAsync();
            Shopper.Dispose();
        }
    }
}
