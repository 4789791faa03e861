using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Tests.Integration.Products.Sharing;

/// <summary>
/// One-off shares from the Store App API (link, QR code, text message through Twilio's wire format to a local listener,
/// email through a local SMTP sink), their QR codes, the recent list and revoking, and that another merchant's products
/// and shares are never reachable.
/// </summary>
public sealed class ProductShareApiTests(ProductShareApiTests.Installation installation) : IClassFixture<ProductShareApiTests.Installation>
{
    private const string Phone = "+447700900123";

    private RoutingFactory Factory => installation.Factory;

    [Fact]
    public async Task A_link_share_answers_its_short_link_and_qr_addresses_and_is_stored_for_the_experts_store()
    {
        var (demo, product, expert) = await DemoAsync();

        var response = await expert.PostAsJsonAsync($"/api/v1/expert/products/{product.Id}/shares", new { channel = "link" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var share = (await response.Content.ReadAsync<ShareLinkView>())!;
        Assert.True(ShareToken.IsWellFormed(share.Token));
        Assert.Equal($"http://localhost/p/{share.Token}", share.Url);
        Assert.Equal(share.Url, response.Headers.Location?.OriginalString);
        Assert.Equal(("link", $"/api/v1/expert/shares/{share.Token}/qr.png", $"/api/v1/expert/shares/{share.Token}/qr.svg"), (share.Channel, share.QrPngUrl, share.QrSvgUrl));
        Assert.Equal(Factory.Clock.GetUtcNow(), share.CreatedAt);
        var stored = Assert.Single(await ShareData.SharesOfAsync(Factory, demo, product.Id));
        var samsStore = await Factory.InMerchantAsync(demo, db => db.StaffMembers.Where(s => s.Email == DemoMerchantSeeder.ExpertEmail).SelectMany(s => s.Stores).Select(s => s.Id).SingleAsync());
        var sam = await ShareData.StaffIdAsync(Factory, demo, DemoMerchantSeeder.ExpertEmail);
        Assert.Equal((ShareChannel.Link, (Guid?)samsStore, (Guid?)null, (Guid?)null, sam), (stored.Channel, stored.StoreId, stored.ShopperId, stored.ChatId, stored.StaffMemberId));

        var opened = await Factory.CreateAnonymousClient().GetAsync(new Uri(share.Url).PathAndQuery);
        Assert.Contains("utm_medium=link", opened.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_qr_share_serves_its_code_as_png_at_the_size_asked_and_as_well_formed_svg()
    {
        var (_, product, expert) = await DemoAsync();
        var share = (await (await expert.PostAsJsonAsync($"/api/v1/expert/products/{product.Id}/shares", new { channel = "QR" })).Content.ReadAsync<ShareLinkView>())!;
        Assert.Equal("qr", share.Channel);

        var small = await expert.GetAsync(share.QrPngUrl + "?size=4");
        var standard = await expert.GetAsync(share.QrPngUrl);
        var svg = await expert.GetAsync(share.QrSvgUrl + "?size=8");

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal("image/png", small.Content.Headers.ContentType?.MediaType);
        Assert.True(small.Headers.CacheControl is { Private: true, Public: false }, "A QR code is cached privately only.");
        var smallSide = PngSide(await small.Content.ReadAsByteArrayAsync(), 4);
        Assert.Equal(smallSide / 4 * 10, PngSide(await standard.Content.ReadAsByteArrayAsync(), 10));
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        var document = XDocument.Parse(await svg.Content.ReadAsStringAsync());
        Assert.Equal("svg", document.Root!.Name.LocalName);

        foreach (var size in new[] { 3, 21 })
        {
            var refused = await expert.GetAsync($"{share.QrPngUrl}?size={size}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("size", (await refused.Content.ReadAsync<ValidationProblemDetails>())!.Errors.Keys);
        }
    }

    [Fact]
    public async Task A_text_message_share_goes_out_from_the_merchants_sender_and_the_number_is_never_stored()
    {
        var (demo, product, expert) = await DemoAsync();
        var before = installation.Twilio.Requests.Count;

        var response = await expert.PostAsJsonAsync($"/api/v1/expert/products/{product.Id}/shares", new { channel = "sms", to = Phone, note = "In your size at Regent Street." });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var share = (await response.Content.ReadAsync<ShareLinkView>())!;
        var sent = installation.Twilio.Requests.Skip(before).Single();
        Assert.Equal((Phone, "DemoOutfit"), (sent.To, sent.From));
        Assert.Equal($"Sam Taylor at Demo Outfitters shared Trail Runner 2: http://localhost/p/{share.Token}\nIn your size at Regent Street.", sent.Body);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ACtest:twilio-secret")), sent.Authorization);
        Assert.Equal(ShareChannel.Sms, Assert.Single(await ShareData.SharesOfAsync(Factory, demo, product.Id)).Channel);
        Assert.False(DatabaseHolds(Phone), "The recipient's number is in the database.");
    }

    [Fact]
    public async Task An_email_share_sends_the_product_with_its_price_and_a_button_in_html_and_plain_text()
    {
        var (demo, product, expert) = await DemoAsync();
        const string to = "robin@example.com";

        var response = await expert.PostAsJsonAsync($"/api/v1/expert/products/{product.Id}/shares", new { channel = "email", to, note = "<b>Just back</b> in stock" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var share = (await response.Content.ReadAsync<ShareLinkView>())!;
        var email = await installation.Smtp.MessageToAsync(to);
        Assert.Equal("Sam Taylor at Demo Outfitters shared Trail Runner 2 with you", email.Subject);
        Assert.Contains($"See the product: {share.Url}", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("89.00 GBP (sale, was 119.00 GBP)", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{share.Url}\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("src=\"https://images.example/trail-runner.jpg\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Trail Runner 2 (Grey, 41.5)", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Just back&lt;/b&gt; in stock", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(ShareChannel.Email, Assert.Single(await ShareData.SharesOfAsync(Factory, demo, product.Id)).Channel);
        Assert.False(DatabaseHolds(to), "The recipient's address is in the database.");
    }

    [Fact]
    public async Task When_the_sms_provider_refuses_the_message_the_expert_gets_a_502_and_nothing_is_stored()
    {
        var (demo, product, expert) = await DemoAsync();
        installation.Twilio.FailWith = (21211, $"The 'To' number {Phone} is not a valid phone number.");
        try
        {
            var response = await expert.PostAsJsonAsync($"/api/v1/expert/products/{product.Id}/shares", new { channel = "sms", to = Phone });

            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            var problem = (await response.Content.ReadAsync<ProblemDetails>())!;
            Assert.Equal("The text message could not be sent. Check the number and try again; nothing was shared.", problem.Detail);
            Assert.Empty(await ShareData.SharesOfAsync(Factory, demo, product.Id));
            Assert.DoesNotContain(CapturedLogs.All, line => line.Contains(Phone, StringComparison.Ordinal));
            Assert.Contains(CapturedLogs.All, line => line.Contains("The 'To' number [recipient] is not a valid phone number.", StringComparison.Ordinal));
        }
        finally
        {
            installation.Twilio.FailWith = null;
        }
    }

    [Fact]
    public async Task A_merchant_without_an_sms_sender_id_cannot_share_by_text_message()
    {
        var world = installation.OtherWorld;
        var product = await ShareData.ProductAsync(Factory, world.MerchantId, "https://rival.example/p/1");
        var (expert, _) = await ChatClients.ExpertAsync(Factory, world.Experts[0].Email);

        var response = await expert.PostAsJsonAsync($"/api/v1/expert/products/{product.Id}/shares", new { channel = "sms", to = Phone });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Text messages are not set up: HQ sets the SMS sender ID in Account settings.", (await response.Content.ReadAsync<ProblemDetails>())!.Detail);
        Assert.Empty(await ShareData.SharesOfAsync(Factory, world.MerchantId, product.Id));
    }

    [Theory]
    [InlineData("{\"channel\":\"fax\"}", "channel")]
    [InlineData("{}", "channel")]
    [InlineData("{\"channel\":\"sms\",\"to\":\"07700 900123\"}", "to")]
    [InlineData("{\"channel\":\"email\",\"to\":\"not-an-address\"}", "to")]
    [InlineData("LONG_NOTE", "note")]
    [InlineData("{\"channel\":42}", "channel")]
    public async Task Bad_input_gets_a_problem_naming_the_field_and_nothing_is_stored(string body, string field)
    {
        var (demo, product, expert) = await DemoAsync();

        var json = body == "LONG_NOTE" ? JsonSerializer.Serialize(new { channel = "link", note = new string('x', OneOffShare.MaxNoteLength + 1) }) : body;

        var response = await expert.PostAsync($"/api/v1/expert/products/{product.Id}/shares", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").EnumerateObject().Any(e => e.Name.Contains(field, StringComparison.OrdinalIgnoreCase)), await response.Content.ReadAsStringAsync());
        Assert.Empty(await ShareData.SharesOfAsync(Factory, demo, product.Id));
    }

    [Fact]
    public async Task Another_merchants_product_and_shares_are_not_found()
    {
        var (demo, product, demoExpert) = await DemoAsync();
        var demoShare = (await (await demoExpert.PostAsJsonAsync($"/api/v1/expert/products/{product.Id}/shares", new { channel = "qr" })).Content.ReadAsync<ShareLinkView>())!;
        var (rival, _) = await ChatClients.ExpertAsync(Factory, installation.OtherWorld.Experts[0].Email);

        var shared = await rival.PostAsJsonAsync($"/api/v1/expert/products/{product.Id}/shares", new { channel = "link" });
        var png = await rival.GetAsync(demoShare.QrPngUrl);
        var svg = await rival.GetAsync(demoShare.QrSvgUrl);
        var revoked = await rival.DeleteAsync($"/api/v1/expert/shares/{demoShare.Token}");
        var unknown = await demoExpert.PostAsJsonAsync($"/api/v1/expert/products/{Guid.NewGuid()}/shares", new { channel = "link" });

        Assert.All(new[] { shared, png, svg, revoked, unknown }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal("application/problem+json", shared.Content.Headers.ContentType?.MediaType);
        Assert.Single(await ShareData.SharesOfAsync(Factory, demo, product.Id));
        Assert.Equal(HttpStatusCode.OK, (await demoExpert.GetAsync(demoShare.QrPngUrl)).StatusCode);
    }

    [Fact]
    public async Task Revoking_a_share_turns_its_link_into_the_expired_page_and_only_its_expert_may_do_it()
    {
        var world = installation.OtherWorld;
        var product = await ShareData.ProductAsync(Factory, world.MerchantId, "https://rival.example/p/2");
        var (owner, _) = await ChatClients.ExpertAsync(Factory, world.Experts[0].Email);
        var (colleague, _) = await ChatClients.ExpertAsync(Factory, world.Experts[1].Email);
        var share = (await (await owner.PostAsJsonAsync($"/api/v1/expert/products/{product.Id}/shares", new { channel = "link" })).Content.ReadAsync<ShareLinkView>())!;

        Assert.Equal(HttpStatusCode.NotFound, (await colleague.DeleteAsync($"/api/v1/expert/shares/{share.Token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Factory.CreateAnonymousClient().GetAsync($"/p/{share.Token}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/v1/expert/shares/{share.Token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/v1/expert/shares/{share.Token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync("/api/v1/expert/shares/not-a-token")).StatusCode);

        await ShareLinkTests.FriendlyPageAsync(await Factory.CreateAnonymousClient().GetAsync($"/p/{share.Token}"), HttpStatusCode.Gone, "This link has expired");
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(share.QrPngUrl)).StatusCode);
        Assert.Single(await ShareData.ClicksAsync(Factory, world.MerchantId, (await ShareData.SharesOfAsync(Factory, world.MerchantId, product.Id)).Single().Id));
    }

    [Fact]
    public async Task The_recent_shares_are_the_experts_own_newest_first_with_their_clicks()
    {
        var world = installation.OtherWorld;
        var product = await ShareData.ProductAsync(Factory, world.MerchantId, "https://rival.example/p/3");
        var (expert, _) = await ChatClients.ExpertAsync(Factory, world.Experts[1].Email);
        var older = (await (await expert.PostAsJsonAsync($"/api/v1/expert/products/{product.Id}/shares", new { channel = "link" })).Content.ReadAsync<ShareLinkView>())!;
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = (await (await expert.PostAsJsonAsync($"/api/v1/expert/products/{product.Id}/shares", new { channel = "qr" })).Content.ReadAsync<ShareLinkView>())!;
        await ShareData.ShareAsync(Factory, world.MerchantId, product.Id, world.Experts[0].Id);
        var shopper = Factory.CreateAnonymousClient();
        await shopper.GetAsync($"/p/{older.Token}");
        await shopper.GetAsync($"/p/{older.Token}");

        var recent = (await expert.GetJsonAsync<List<ShareLinkView>>("/api/v1/expert/shares?take=5"))!;

        Assert.Equal(new[] { (newer.Token, 0), (older.Token, 2) }, recent.Select(s => (s.Token, s.Clicks)));
        Assert.Equal("Trail Runner 2", recent[0].ProductTitle);
        Assert.Equal(HttpStatusCode.BadRequest, (await expert.GetAsync("/api/v1/expert/shares?take=0")).StatusCode);
        Assert.Single((await expert.GetJsonAsync<List<ShareLinkView>>("/api/v1/expert/shares?take=1"))!);
    }

    private async Task<(Guid MerchantId, Product Product, HttpClient Expert)> DemoAsync()
    {
        var demo = await Factory.DemoMerchantAsync();
        var product = await ShareData.ProductAsync(Factory, demo.Id, "https://www.demo-outfitters.example/products/trail-runner-2");
        var (expert, _) = await ChatClients.ExpertAsync(Factory, DemoMerchantSeeder.ExpertEmail, VirtualShoppingFactory.DemoPassword);
        return (demo.Id, product, expert);
    }

    /// <summary>The side of a PNG (its IHDR width, equal to its height), checked to be whole QR modules with the quiet zone.</summary>
    private static int PngSide(byte[] png, int pixelsPerModule)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        Assert.Equal(width, height);
        Assert.Equal(0, width % pixelsPerModule);
        var modules = width / pixelsPerModule - 8; // four quiet modules each side
        Assert.True(modules >= 21 && (modules - 17) % 4 == 0, $"{modules} modules is not a QR code size");
        return width;
    }

    private bool DatabaseHolds(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return new[] { string.Empty, "-wal" }.Select(suffix => Factory.DatabaseFile + suffix).Where(File.Exists).Any(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray().AsSpan().IndexOf(needle) >= 0;
        });
    }

    /// <summary>The app with its SMS going to a local Twilio-format listener and its email to a local SMTP sink, and a second merchant.</summary>
    public sealed class Installation : IAsyncLifetime
    {
        public SmtpSink Smtp { get; } = new();

        public TwilioSink Twilio { get; private set; } = null!;

        public RoutingFactory Factory { get; private set; } = null!;

        public RoutingWorld OtherWorld { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Twilio = await TwilioSink.StartAsync();
            Factory = new RoutingFactory().WithMessageSinks(Smtp, Twilio);
            OtherWorld = await RoutingWorld.CreateAsync(Factory.Services, experts: 2, name: "Rival Outfitters");
        }

        public async ValueTask DisposeAsync()
        {
            await Factory.DisposeAsync();
            await Twilio.DisposeAsync();
            await Smtp.DisposeAsync();
        }
    }
}
