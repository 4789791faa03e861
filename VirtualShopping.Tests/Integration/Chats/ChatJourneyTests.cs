using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR.Client;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>
/// The whole journey over the real pipeline and real SignalR connections: a shopper starts a chat, three
/// experts are offered it, one claims it, messages go both ways, the shopper reconnects and catches up, the
/// expert closes, the shopper rates, and the transcript arrives by SMTP in the chat's language.
/// </summary>
public sealed class ChatJourneyTests : IAsyncLifetime
{
    private readonly SmtpSink smtp = new();
    private RoutingFactory factory = null!;

    public ValueTask InitializeAsync()
    {
        factory = new RoutingFactory()
            .With("Smtp:Host", "127.0.0.1")
            .With("Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture))
            .With("Smtp:Security", "None");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task Shopper_and_expert_chat_from_the_first_offer_to_the_emailed_transcript()
    {
        var world = await RoutingWorld.CreateAsync(factory.Services, experts: 3, s => s.NumberOfWaves = 1);
        var experts = new List<ExpertSession>();
        foreach (var person in world.Experts)
        {
            experts.Add(await RoutingScenario.ExpertOnlineAsync(factory, person));
        }

        var (shopper, shopperToken, _) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        var shopperHub = await HubEvents.ConnectAsync(factory, ShopperHub.Path, shopperToken, ChatClients.ShopperEvents);

        // The shopper starts a chat in French about shoes.
        var started = await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats",
            new { departmentId = world.ShoesId, language = "fr", pageUrl = "https://shop.example/shoes", name = "Léa", email = "lea@example.com" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var chat = (await started.Content.ReadAsync<ChatView>())!;
        Assert.Equal(ChatStatus.Waiting, chat.Status);
        Assert.Equal("fr", chat.Language);

        // Every available, connected expert of the shoe team gets the offer with its countdown.
        var offers = new List<OfferView>();
        foreach (var hub in experts.Select(e => e.Hub))
        {
            var offer = await hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
            Assert.Equal(chat.Id, offer.ChatId);
            Assert.Equal("Shoes", offer.Department);
            Assert.Equal("Léa", offer.ShopperName);
            Assert.Equal(2, offer.ColleaguesOffered);
            Assert.Equal(15, offer.CountdownSeconds);
            Assert.Equal(RoutingFactory.Monday11.AddSeconds(15), offer.ExpiresAt);
            Assert.False(offer.SpokenBefore);
            offers.Add(offer);
        }

        // Four seconds later the first expert claims; the others' offers are withdrawn and a late claim loses.
        factory.Clock.Advance(TimeSpan.FromSeconds(4));
        var claim = await experts[0].Api.PostAsync($"/api/v1/expert/offers/{offers[0].OfferId}/claim", null);
        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        Assert.Equal("Expert 01", (await claim.Content.ReadAsync<ChatView>())!.ExpertName);
        foreach (var hub in experts.Skip(1).Select(e => e.Hub))
        {
            var withdrawn = await hub.NextAsync<Withdrawal>(ChatHubEvents.OfferWithdrawn);
            Assert.Equal(OfferWithdrawal.ClaimedByColleague, withdrawn.Reason);
        }

        var late = await experts[1].Api.PostAsync($"/api/v1/expert/offers/{offers[1].OfferId}/claim", null);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var problem = (await late.Content.ReadAsync<ProblemDetails>())!;
        Assert.Equal("A colleague claimed this chat first.", problem.Detail);
        Assert.Equal("TakenByColleague", problem.Extensions["reason"]!.ToString());

        // The shopper sees the expert join, after waiting four seconds.
        var joined = await shopperHub.NextAsync<ChatView>(ChatHubEvents.ChatChanged);
        Assert.Equal((ChatStatus.Active, "Expert 01", 4), (joined.Status, joined.ExpertName, joined.WaitedSeconds));
        Assert.Equal("Expert 01 joined the chat.", (await shopperHub.NextAsync<MessageView>(ChatHubEvents.MessageReceived)).Text);

        // Shopper → expert: stored, numbered, pushed; markup stays text; a retried send is not stored twice.
        var sent = await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/messages", new { text = "<b>Bonjour</b>, size 38?", clientMessageId = "s-1" });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal(2, (await sent.Content.ReadAsync<MessageView>())!.Sequence);
        var atExpert = await NextMessageFromAsync(experts[0].Hub, MessageSender.Shopper);
        Assert.Equal(("<b>Bonjour</b>, size 38?", MessageSender.Shopper, 2), (atExpert.Text, atExpert.Sender, atExpert.Sequence));
        var retried = await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/messages", new { text = "<b>Bonjour</b>, size 38?", clientMessageId = "s-1" });
        Assert.Equal(2, (await retried.Content.ReadAsync<MessageView>())!.Sequence);

        // Expert → shopper.
        await ExpertSaysAsync(experts[0].Api, chat.Id, "Bonjour Léa ! Oui, en 38.");
        Assert.Equal("Bonjour Léa ! Oui, en 38.", (await NextMessageFromAsync(shopperHub, MessageSender.Expert)).Text);

        // The shopper's connection drops; two messages arrive meanwhile; the widget reconnects and catches up.
        await shopperHub.DisposeAsync();
        await ExpertSaysAsync(experts[0].Api, chat.Id, "Noir ou blanc ?");
        await ExpertSaysAsync(experts[0].Api, chat.Id, "Les deux sont en stock.");
        shopperHub = await HubEvents.ConnectAsync(factory, ShopperHub.Path, shopperToken, ChatClients.ShopperEvents);
        var missed = await shopperHub.Connection.InvokeAsync<List<MessageView>>("MessagesSince", chat.Id, 3);
        Assert.Equal(["Noir ou blanc ?", "Les deux sont en stock."], missed.Select(m => m.Text));
        Assert.Equal([4, 5], missed.Select(m => m.Sequence));
        var all = (await shopper.GetJsonAsync<List<MessageView>>($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/messages?after=0"))!;
        Assert.Equal([1, 2, 3, 4, 5], all.Select(m => m.Sequence));

        // The expert closes; the shopper is told and rates the chat once.
        var closed = await experts[0].Api.PostAsync($"/api/v1/expert/chats/{chat.Id}/close", null);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var ended = await shopperHub.NextAsync<ChatView>(ChatHubEvents.ChatChanged);
        Assert.Equal((ChatStatus.Ended, ChatEndReason.Expert), (ended.Status, ended.EndReason));
        var rated = await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/rating", new { rating = 5, comment = "Très utile" });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.Equal(5, (await rated.Content.ReadAsync<ChatView>())!.Rating);
        var again = await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/rating", new { rating = 1 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // The transcript job runs in Hangfire and sends the French transcript over SMTP.
        var transcript = await smtp.MessageToAsync("lea@example.com");
        Assert.Equal("Votre conversation avec Routing Outfitters", transcript.Subject);
        Assert.Contains("Voici une copie de votre conversation", transcript.TextBody, StringComparison.Ordinal);
        Assert.Contains("Vous: <b>Bonjour</b>, size 38?", transcript.TextBody, StringComparison.Ordinal);
        Assert.Contains("Expert 01: Les deux sont en stock.", transcript.TextBody, StringComparison.Ordinal);

        await shopperHub.DisposeAsync();
        foreach (var expert in experts)
        {
            await expert.DisposeAsync();
        }
    }

    private static async Task ExpertSaysAsync(HttpClient expert, Guid chatId, string text)
    {
        var response = await expert.PostAsJsonAsync($"/api/v1/expert/chats/{chatId}/messages", new { text, clientMessageId = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>The next message a hub receives from one side (each side also gets its own messages, for its other devices).</summary>
    private static async Task<MessageView> NextMessageFromAsync(HubEvents hub, MessageSender sender)
    {
        while (true)
        {
            var message = await hub.NextAsync<MessageView>(ChatHubEvents.MessageReceived);
            if (message.Sender == sender)
            {
                return message;
            }
        }
    }

}
