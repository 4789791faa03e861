using System.Net.Http.Json;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>A product card in the shopper's emails (the transcript, the offline reply) reads well: a line in the chat's language, and a small card in HTML.</summary>
public sealed class ProductCardEmailTests : IAsyncDisposable
{
    private static readonly ProductCardView Jacket = new(
        Guid.NewGuid(), "DPJ-NAV", "Cairn Down Jacket", "Navy", "Northfell", "https://img.example/dpj-nav.jpg", 1189m, 949m, "GBP", ProductAvailability.InStock, "https://chat.example.com/p/Ab3dEf6hJk9m");

    private readonly SmtpSink smtp = new();
    private readonly RoutingFactory factory;

    public ProductCardEmailTests() => factory = new RoutingFactory().WithSmtp(smtp);

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public void The_transcript_shows_a_product_as_title_variant_price_availability_and_link_and_as_a_small_card_in_html()
    {
        var email = TranscriptJob.Compose(ChatIn("en"), "Demo Outfitters", [CardMessage(Jacket)]);

        Assert.Contains("] Sam: Cairn Down Jacket (Navy) — Sale 949.00 GBP (was 1,189.00 GBP) — In stock — https://chat.example.com/p/Ab3dEf6hJk9m", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://chat.example.com/p/Ab3dEf6hJk9m\" style=\"font-weight:600\">Cairn Down Jacket</a>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<img src=\"https://img.example/dpj-nav.jpg\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Sale 949.00 GBP (was 1,189.00 GBP)", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("(sale, was", email.TextBody, StringComparison.Ordinal); // not the English fallback text
    }

    [Fact]
    public void In_french_the_product_line_reads_in_french_and_a_card_without_image_or_sale_has_neither()
    {
        var plain = Jacket with { SalePrice = null, ImageUrl = null, Variant = null, Availability = ProductAvailability.OutOfStock };

        var email = TranscriptJob.Compose(ChatIn("fr"), "Demo Outfitters", [CardMessage(Jacket), CardMessage(plain, 2)]);

        Assert.Contains("Cairn Down Jacket (Navy) — Promo 949,00 GBP (au lieu de 1\u202f189,00 GBP) — En stock — https://chat.example.com/p/", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Sam: Cairn Down Jacket — 1\u202f189,00 GBP — Rupture de stock — https://chat.example.com/p/", email.TextBody, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(email.HtmlBody!, "<img "));
        Assert.Contains("Voir le produit", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_offline_reply_email_shows_the_card_as_a_line_and_a_linked_card_with_the_text_escaped()
    {
        var chat = ChatIn("en");
        var card = Jacket with { Title = "Cairn <Down> Jacket" };

        var email = OfflineReplyJob.Compose(chat, "Demo Outfitters", [CardMessage(card)]);

        Assert.Contains("Sam: Cairn <Down> Jacket (Navy) — Sale 949.00 GBP (was 1,189.00 GBP) — In stock — https://chat.example.com/p/Ab3dEf6hJk9m", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(">Cairn &lt;Down&gt; Jacket</a>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(">View product</a>", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<Down>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emailed_transcript_of_a_chat_where_the_expert_sent_a_product_has_its_line_and_share_link()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        var (shopper, _, _) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        var chat = (await (await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats",
            new { departmentId = world.ShoesId, language = "en", email = "sam@example.com" })).Content.ReadAsync<ChatView>())!;
        var offer = await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        (await expert.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).EnsureSuccessStatusCode();
        var now = DateTimeOffset.UtcNow;
        var boot = new Product
        {
            MerchantId = world.MerchantId, ExternalId = "TRB-41", Title = "Ridgeline Boot", Size = "41", Price = 159m, Currency = "GBP", Availability = ProductAvailability.InStock,
            Link = "https://shop.example/trb-41", ContentHash = "x", FirstSeenAt = now, UpdatedAt = now,
        };
        await factory.InMerchantAsync(world.MerchantId, db =>
        {
            db.Products.Add(boot);
            return db.SaveChangesAsync();
        });

        string url;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(world.MerchantId);
            var sent = await scope.ServiceProvider.GetRequiredService<ChatProducts>().SendAsync(world.Experts[0].Id, world.Experts[0].Name, chat.Id, boot.Id, null, fromStoreApp: true);
            url = sent.Value!.Product!.Url;
        }

        (await expert.Api.PostAsync($"/api/v1/expert/chats/{chat.Id}/close", null)).EnsureSuccessStatusCode();

        var transcript = await smtp.MessageToAsync("sam@example.com");
        Assert.Contains($"{world.Experts[0].Name}: Ridgeline Boot (41) — 159.00 GBP — In stock — {url}", transcript.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{url}\"", transcript.HtmlBody, StringComparison.Ordinal);
    }

    private static Chat ChatIn(string language) =>
        new() { MerchantId = Guid.NewGuid(), ShopperId = Guid.NewGuid(), Language = language, ShopperEmail = "shopper@example.com", StartedAt = DateTimeOffset.UnixEpoch };

    private static ChatMessage CardMessage(ProductCardView card, int sequence = 1) => new()
    {
        Sequence = sequence, Sender = MessageSender.Expert, AuthorName = "Sam", Text = card.ToText(), SentAt = DateTimeOffset.UnixEpoch.AddMinutes(sequence),
        Kind = MessageKind.Product, Data = card.ToData(),
    };
}
