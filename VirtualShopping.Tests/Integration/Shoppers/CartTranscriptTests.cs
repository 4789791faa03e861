using System.Net;
using System.Net.Http.Json;
using VirtualShopping.Tests.Integration.Chats;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Shoppers;

/// <summary>The transcript emailed to the shopper is their side of the chat: the expert's cart messages stay out of it.</summary>
public sealed class CartTranscriptTests : IAsyncDisposable
{
    private readonly SmtpSink smtp = new();
    private readonly RoutingFactory factory;

    public CartTranscriptTests() => factory = new RoutingFactory().WithSmtp(smtp);

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task The_emailed_transcript_leaves_out_cart_messages()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        var (shopper, _, _) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        var chat = (await (await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats",
            new { departmentId = world.ShoesId, language = "en", email = "sam@example.com" })).Content.ReadAsync<ChatView>())!;
        var offer = await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        (await expert.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).EnsureSuccessStatusCode();

        var added = await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/events",
            new { type = "add", products = new[] { new { id = "SKU-1", name = "Linen shirt", price = 44.5m, currency = "EUR" } } });
        Assert.Equal(HttpStatusCode.Accepted, added.StatusCode);
        (await expert.Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/messages", new { text = "That shirt runs large.", clientMessageId = "e-1" })).EnsureSuccessStatusCode();
        (await expert.Api.PostAsync($"/api/v1/expert/chats/{chat.Id}/close", null)).EnsureSuccessStatusCode();

        var transcript = await smtp.MessageToAsync("sam@example.com");
        Assert.Contains("That shirt runs large.", transcript.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("cart", transcript.TextBody, StringComparison.OrdinalIgnoreCase);
    }
}
