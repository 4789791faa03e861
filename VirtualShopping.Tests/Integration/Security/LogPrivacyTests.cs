using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.LeftMessages;

namespace VirtualShopping.Tests.Integration.Security;

/// <summary>
/// Shopper personal data and secrets never reach the logs: a journey that handles every kind of them (shopper
/// email and phone, passwords right and wrong, Store App access and refresh tokens, shopper session tokens,
/// hub tokens in the query string, one-time links, bad input carrying personal data) runs with the framework's
/// request logging raised to Information, and everything the test hosts logged during the run so far (every
/// other test class at the app's configured levels) is searched for them.
/// </summary>
public sealed partial class LogPrivacyTests : IAsyncLifetime
{
    private const string ShopperEmail = "ada.privacy@example.org";
    private const string ShopperPhone = "+447700900461";
    private const string GuessedPassword = "Guessed-Password-999";
    private readonly SmtpSink smtp = new();
    private TwilioSink twilio = null!;
    private RoutingFactory factory = null!;

    public async ValueTask InitializeAsync()
    {
        twilio = await TwilioSink.StartAsync();
        factory = new RoutingFactory()
            .WithMessageSinks(smtp, twilio)

            // As an operator troubleshooting would run it: the framework's own request logging switched on too.
            .With("Logging:LogLevel:Microsoft.AspNetCore", "Information");
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await twilio.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task Logs_hold_no_shopper_email_phone_password_token_or_one_time_link()
    {
        var secrets = new List<string> { ShopperEmail, ShopperPhone, ShopperPhone[1..], GuessedPassword, VirtualShoppingFactory.DemoPassword, RoutingWorld.Password, TestMerchants.Password, "twilio-secret" };
        var world = await RoutingWorld.CreateAsync(factory.Services, experts: 1);

        // The Store App signs in, refreshes, and opens its hub with the token in the query string.
        var (expert, accessToken) = await ChatClients.ExpertAsync(factory, world.Experts[0].Email);
        var first = await (await factory.CreateClient().PostAsJsonAsync("/api/v1/expert/token", new { email = world.Experts[0].Email, password = RoutingWorld.Password })).Content.ReadAsync<ChatClients.TokenResponse>();
        var refreshed = await factory.CreateClient().PostAsJsonAsync("/api/v1/expert/token", new { refreshToken = first!.RefreshToken });
        secrets.AddRange([accessToken, first.AccessToken, first.RefreshToken, await refreshed.Content.ReadAsStringAsync()]);
        await using var expertHub = await HubEvents.ConnectAsync(factory, ExpertHub.Path, accessToken, ChatClients.ExpertEvents);

        // A shopper gives their email, chats, sends bad input carrying personal data, is missed, leaves a phone number.
        var (shopper, shopperToken, _) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        secrets.Add(shopperToken);
        await using var shopperHub = await HubEvents.ConnectAsync(factory, ShopperHub.Path, shopperToken, ChatClients.ShopperEvents);
        var started = await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats", new { departmentId = world.ShoesId, language = "en", name = "Ada", email = ShopperEmail });
        var chat = (await started.Content.ReadAsync<ChatView>())!;
        await shopper.PostAsync($"/api/v1/widget/{world.WidgetKey}/chats", new StringContent($$"""{"email":"{{ShopperEmail}}","departmentId":"not-a-guid","phone":"{{ShopperPhone}}"}""", Encoding.UTF8, "application/json"));
        await shopper.PostAsync($"/api/v1/widget/{world.WidgetKey}/left-messages", new StringContent($$"""{"email":"{{ShopperEmail}}","phone":"{{ShopperPhone}}",""", Encoding.UTF8, "application/json"));
        await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/left-messages", new { chatId = chat.Id, name = "Ada", email = "not an email " + ShopperPhone, text = "Call me" });
        await expert.PostAsync($"/api/v1/expert/offers/{Guid.NewGuid()}/decline", JsonContent.Create(new { goUnavailable = true }));
        factory.Clock.Advance(TimeSpan.FromSeconds(90));
        await factory.Services.GetRequiredService<RoutingSweeper>().SweepAsync();
        await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/left-messages", new { chatId = chat.Id, name = "Ada", email = ShopperEmail, phone = ShopperPhone, text = "Please call me back" });

        // Someone guesses passwords on the dashboard and the Store App with the shopper's email and a colleague's.
        await VirtualShoppingFactory.SubmitSignInAsync(factory.CreateAnonymousClient(), ShopperEmail, GuessedPassword);
        await VirtualShoppingFactory.SubmitSignInAsync(factory.CreateAnonymousClient(), DemoMerchantSeeder.ManagerEmail, GuessedPassword);
        await factory.CreateClient().PostAsJsonAsync("/api/v1/expert/token", new { email = ShopperEmail, password = GuessedPassword });
        await factory.CreateClient().PostAsJsonAsync("/api/v1/expert/token", new { refreshToken = first.RefreshToken + "tampered" });

        // Staff answer the demo merchant's left messages by email and by SMS; the shopper follows the link.
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var waiting = (await admin.GetJsonAsync<List<LeftMessageRow>>("/api/v1/left-messages"))!;
        var hannah = waiting.Single(m => m.Name == "Hannah Kim");
        var matti = waiting.Single(m => m.Name == "Matti Laine");
        secrets.AddRange(["hannah.kim@example.com", "+358401234567", "358401234567"]);
        var byEmail = await admin.PostAsJsonAsync($"/api/v1/left-messages/{hannah.Id}/replies", new { channel = "Email", text = "Hi Hannah" });
        var bySms = await admin.PostAsJsonAsync($"/api/v1/left-messages/{matti.Id}/replies", new { channel = "Sms", text = "Hei Matti" });
        Assert.True(byEmail.IsSuccessStatusCode && bySms.IsSuccessStatusCode, await byEmail.Content.ReadAsStringAsync() + await bySms.Content.ReadAsStringAsync());
        var email = await smtp.MessageToAsync("hannah.kim@example.com");
        var sms = await twilio.FirstRequestAsync();
        var emailLink = LinkIn().Match(email.TextBody ?? string.Empty);
        var smsLink = LinkIn().Match(sms.Body);
        Assert.True(emailLink.Success && smsLink.Success, "the answers carry their links");
        secrets.AddRange([emailLink.Groups["token"].Value, smsLink.Groups["token"].Value]);
        await factory.CreateAnonymousClient().GetAsync(emailLink.Value);
        await factory.Services.GetRequiredService<RoutingSweeper>().SweepAsync();

        // The merchant's back end sends orders carrying the shopper's email, good and bad, with its API key and a wrong one.
        var apiKey = (await OrderApiKeys.CreateAsync(factory, world.MerchantId)).Key;
        var wrongKey = apiKey[..^2] + (apiKey.EndsWith("zz", StringComparison.Ordinal) ? "yy" : "zz");
        secrets.AddRange([apiKey, wrongKey]);
        var orders = OrderApiKeys.Client(factory, apiKey);
        (await orders.PostAsJsonAsync("/api/v1/orders", new { id = "PRIV-1", currency = "EUR", subtotal = 10m, email = ShopperEmail })).EnsureSuccessStatusCode();
        await orders.PostAsync("/api/v1/orders", new StringContent($$"""{"id":"PRIV-2","currency":"EUR","subtotal":"x","email":"{{ShopperEmail}}"}""", Encoding.UTF8, "application/json"));
        await orders.PostAsJsonAsync("/api/v1/orders", new { id = "PRIV-3", currency = "EUR", subtotal = 10m, email = ShopperEmail + " " + ShopperPhone });
        await OrderApiKeys.Client(factory, wrongKey).GetAsync("/api/v1/orders/PRIV-1");

        var logs = CapturedLogs.All;
        Assert.Contains(logs, l => l.Contains(chat.Id.ToString(), StringComparison.Ordinal)); // the capture works
        var leaks = (from entry in logs
                     from secret in secrets.Where(s => s.Length >= 8).Distinct()
                     where entry.Contains(secret, StringComparison.OrdinalIgnoreCase)
                     select $"{Shorten(secret)} in: {Shorten(entry, 400)}").ToList();
        leaks.AddRange(logs.Where(l => ProtectedPayload().IsMatch(l)).Select(l => "a Data Protection token in: " + Shorten(l, 400)));
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Distinct().Take(20)));
    }

    private static string Shorten(string text, int length = 12) => text.Length <= length ? text : text[..length] + "…";

    [GeneratedRegex(@"/m\?t=(?<token>[A-Za-z0-9_-]{20,})")]
    private static partial Regex LinkIn();

    /// <summary>Tokens protected by ASP.NET Core Data Protection (bearer, refresh and shopper session tokens) start so.</summary>
    [GeneratedRegex(@"CfDJ8[A-Za-z0-9_-]{40,}")]
    private static partial Regex ProtectedPayload();
}
