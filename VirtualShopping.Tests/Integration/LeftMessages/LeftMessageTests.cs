using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.LeftMessages;

namespace VirtualShopping.Tests.Integration.LeftMessages;

/// <summary>
/// Left messages end to end: the widget stores them (missed chat or out of hours), the dashboard lists them,
/// an answer goes out by real SMTP or by Twilio's wire format to a local listener through a Hangfire job, and
/// its link brings the shopper back until it expires and then lands on the Left Message expired URL.
/// </summary>
public sealed partial class LeftMessageTests : IAsyncLifetime
{
    private readonly SmtpSink smtp = new();
    private TwilioSink twilio = null!;
    private RoutingFactory factory = null!;

    public async ValueTask InitializeAsync()
    {
        twilio = await TwilioSink.StartAsync();
        factory = new RoutingFactory()
            .WithMessageSinks(smtp, twilio);
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await twilio.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_shopper_whose_chat_was_missed_leaves_one_message_for_it()
    {
        var world = await RoutingWorld.CreateAsync(factory.Services, experts: 0);
        var (shopper, _, _) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        var chat = (await (await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats", new { departmentId = world.ShoesId, language = "fr" })).Content.ReadAsync<ChatView>())!;
        var url = $"/api/v1/widget/{world.WidgetKey}/left-messages";

        var tooEarly = await shopper.PostAsJsonAsync(url, new { chatId = chat.Id, name = "Léa", email = "lea@example.com", text = "Bonjour" });
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);

        factory.Clock.Advance(TimeSpan.FromSeconds(90));
        await factory.Services.GetRequiredService<RoutingSweeper>().SweepAsync();

        var noContact = await shopper.PostAsJsonAsync(url, new { chatId = chat.Id, name = "Léa", text = "Bonjour" });
        Assert.Equal(HttpStatusCode.BadRequest, noContact.StatusCode);
        var problem = (await noContact.Content.ReadAsync<ValidationProblemDetails>())!;
        Assert.Equal("Give an email address or a phone number so we can answer.", Assert.Single(problem.Errors["email"]));

        var left = await shopper.PostAsJsonAsync(url, new { chatId = chat.Id, name = "Léa", email = "lea@example.com", text = "Avez-vous la taille 38 ?" });
        Assert.Equal(HttpStatusCode.Created, left.StatusCode);
        var twice = await shopper.PostAsJsonAsync(url, new { chatId = chat.Id, name = "Léa", email = "lea@example.com", text = "Encore moi" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        var stored = await factory.InMerchantAsync(world.MerchantId, db => db.LeftMessages.AsNoTracking().ToListAsync());
        var message = Assert.Single(stored);
        Assert.Equal((LeftMessageReason.MissedChat, chat.Id, "fr", world.ShoesId), (message.Reason, message.ChatId, message.Language, message.DepartmentId));
    }

    [Fact]
    public async Task An_answer_by_email_links_back_until_it_expires_then_lands_on_the_expired_url()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var waiting = (await admin.GetJsonAsync<List<LeftMessageRow>>("/api/v1/left-messages"))!;
        var hannah = waiting.Single(m => m.Name == "Hannah Kim");
        Assert.DoesNotContain(waiting, m => m.Name == "Rosa Alvarez"); // answered yesterday

        var blank = await admin.PostAsJsonAsync($"/api/v1/left-messages/{hannah.Id}/replies", new { channel = "Email", text = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        var bySms = await admin.PostAsJsonAsync($"/api/v1/left-messages/{hannah.Id}/replies", new { channel = "Sms", text = "Hi" });
        Assert.Equal("The shopper left no phone number; answer by email.", Assert.Single((await bySms.Content.ReadAsync<ValidationProblemDetails>())!.Errors["Channel"]));

        var sent = factory.Jobs.NextPerformedAsync<LeftMessageReplyJob>();
        var answer = await admin.PostAsJsonAsync($"/api/v1/left-messages/{hannah.Id}/replies",
            new { channel = "Email", text = "Hi Hannah, it's a snug two: fine for two people, rucksacks in the porch." });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        await sent;

        var email = await smtp.MessageToAsync("hannah.kim@example.com");
        Assert.Equal("Re: your message to Demo Outfitters", email.Subject);
        Assert.Contains("it's a snug two", email.TextBody, StringComparison.Ordinal);
        var link = LinkIn().Match(email.TextBody ?? string.Empty);
        Assert.True(link.Success, email.TextBody);

        var answered = (await admin.GetJsonAsync<List<LeftMessageRow>>("/api/v1/left-messages?includeAnswered=true"))!.Single(m => m.Id == hannah.Id);
        Assert.NotNull(answered.AnsweredAt);
        Assert.Equal(ReplyDelivery.Sent, Assert.Single(answered.Replies).Delivery);

        // The shopper follows the link: back to the page they wrote from, and the dashboard sees them return.
        var shopper = factory.CreateAnonymousClient();
        var followed = await shopper.GetAsync(link.Value);
        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        Assert.Equal("https://www.demo-outfitters.example/outdoor/tents", followed.Headers.Location!.ToString());
        var back = (await admin.GetJsonAsync<List<LeftMessageRow>>("/api/v1/left-messages?includeAnswered=true"))!.Single(m => m.Id == hannah.Id);
        Assert.Equal(factory.Clock.GetUtcNow(), back.ShopperReturnedAt);

        // Eight days later the link has expired.
        factory.Clock.Advance(TimeSpan.FromDays(8));
        var expired = await shopper.GetAsync(link.Value);
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Equal("https://www.demo-outfitters.example/customer-service", expired.Headers.Location!.ToString());
        Assert.Equal("/m/expired", (await shopper.GetAsync("/m?t=not-a-real-token")).Headers.Location!.ToString());
    }

    [Fact]
    public async Task An_answer_by_sms_goes_to_twilio_from_the_merchants_sender_id()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var matti = (await admin.GetJsonAsync<List<LeftMessageRow>>("/api/v1/left-messages"))!.Single(m => m.Name == "Matti Laine");

        var answer = await admin.PostAsJsonAsync($"/api/v1/left-messages/{matti.Id}/replies", new { channel = "Sms", text = "Hei Matti! Harmaa villakangastakki (M) on Helsingissä." });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        var sent = await twilio.FirstRequestAsync();
        Assert.Equal("ACtest", sent.AccountSid);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ACtest:twilio-secret")), sent.Authorization);
        Assert.Equal(("+358401234567", "DemoOutfit"), (sent.To, sent.From));
        Assert.StartsWith("Hei Matti! Harmaa villakangastakki (M) on Helsingissä.\nhttp://", sent.Body, StringComparison.Ordinal);
        Assert.Matches(LinkIn(), sent.Body);
    }

    [Fact]
    public async Task A_refused_sms_is_retried_and_marked_failed_with_twilios_error_after_the_last_attempt()
    {
        twilio.FailWith = (21211, "Invalid 'To' Phone Number");
        var merchant = await factory.DemoMerchantAsync();
        var matti = await factory.InMerchantAsync(merchant.Id, db => db.LeftMessages.SingleAsync(m => m.Name == "Matti Laine"));
        var reply = new LeftMessageReply
        {
            MerchantId = merchant.Id, LeftMessageId = matti.Id, Channel = ReplyChannel.Sms, Text = "Hei!", AuthorName = "Sam Taylor",
            CreatedAt = factory.Clock.GetUtcNow(), LinkTokenHash = new string('a', 64), LinkExpiresAt = factory.Clock.GetUtcNow().AddDays(7),
        };
        await factory.InMerchantAsync(merchant.Id, async db => { db.LeftMessageReplies.Add(reply); return await db.SaveChangesAsync(); });

        for (var attempt = 1; attempt < LeftMessageReplyJob.MaxAttempts; attempt++)
        {
            await Assert.ThrowsAsync<VirtualShopping.Infrastructure.Sms.SmsDeliveryException>(() => RunJobAsync(merchant.Id, reply.Id));
            var retrying = await factory.InMerchantAsync(merchant.Id, db => db.LeftMessageReplies.AsNoTracking().SingleAsync(r => r.Id == reply.Id));
            Assert.Equal((ReplyDelivery.Queued, attempt), (retrying.Delivery, retrying.Attempts));
        }

        await RunJobAsync(merchant.Id, reply.Id);
        var failed = await factory.InMerchantAsync(merchant.Id, db => db.LeftMessageReplies.AsNoTracking().SingleAsync(r => r.Id == reply.Id));
        Assert.Equal((ReplyDelivery.Failed, LeftMessageReplyJob.MaxAttempts), (failed.Delivery, failed.Attempts));
        Assert.Equal("The SMS provider refused the message (400): Invalid 'To' Phone Number (code 21211)", failed.LastError);
        Assert.Equal(LeftMessageReplyJob.MaxAttempts, twilio.Requests.Count);
        Assert.Null((await factory.InMerchantAsync(merchant.Id, db => db.LeftMessages.AsNoTracking().SingleAsync(m => m.Id == matti.Id))).AnsweredAt);
    }

    private async Task RunJobAsync(Guid merchantId, Guid replyId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LeftMessageReplyJob>().RunAsync(merchantId, replyId, CancellationToken.None);
    }

    [GeneratedRegex(@"/m\?t=[A-Za-z0-9_-]{20,}")]
    private static partial Regex LinkIn();
}
