using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Products;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats.Handover;

/// <summary>
/// The shopper's presence (their widget connections) reaches the expert, and once they have left the site the
/// expert's replies go to the email they gave: a burst of replies in one email a minute later, each reply once, with
/// a link back to the page they chatted on, over a real SMTP conversation; nothing while they are still there.
/// </summary>
public sealed class ShopperAwayTests : IAsyncDisposable
{
    private const string Email = "robin.away@example.com";
    private const string Page = "https://shop.example/products/sun-hat";
    private readonly SmtpSink smtp = new();
    private readonly RoutingFactory factory;

    public ShopperAwayTests() => factory = new RoutingFactory().WithSmtp(smtp);

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task The_expert_sees_the_shopper_leave_and_come_back()
    {
        var (world, experts) = await HandoverScenario.TeamOnlineAsync(factory, 1);
        await using var _ = new Sessions(experts);
        await using var chat = await HandoverScenario.HeldChatAsync(factory, world, experts[0], experts);
        var token = chat.Shopper.DefaultRequestHeaders.Authorization!.Parameter!;

        // A second tab, then both closed: the shopper left when the last one closes.
        var secondTab = await HubEvents.ConnectAsync(factory, ShopperHub.Path, token, ChatClients.ShopperEvents);
        await secondTab.DisposeAsync();
        await chat.ShopperHub.DisposeAsync();
        var left = await experts[0].Hub.NextAsync<Presence>(ChatHubEvents.ShopperPresence);
        Assert.Equal((chat.Id, false), (left.ChatId, left.Online));
        Assert.Empty(experts[0].Hub.Drain<Presence>(ChatHubEvents.ShopperPresence));

        await using var back = await HubEvents.ConnectAsync(factory, ShopperHub.Path, token, ChatClients.ShopperEvents);
        var came = await experts[0].Hub.NextAsync<Presence>(ChatHubEvents.ShopperPresence);
        Assert.Equal((chat.Id, true), (came.ChatId, came.Online));
    }

    [Fact]
    public async Task Replies_to_a_shopper_who_left_are_emailed_once_together_with_a_link_back()
    {
        var (world, experts) = await HandoverScenario.TeamOnlineAsync(factory, 1);
        await using var _ = new Sessions(experts);
        var expert = experts[0];
        var (shopper, chat) = await ClaimedChatWithoutWidgetAsync(world, expert);

        // The shopper has no widget open: both replies wait a minute for the email.
        (await expert.Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/messages", new { text = "We have it in a 58 cm." })).EnsureSuccessStatusCode();
        (await expert.Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/messages", new { text = "Shall I hold one <b>for you</b>?" })).EnsureSuccessStatusCode();
        var jobs = ScheduledFor(chat.Id);
        Assert.Equal(2, jobs.Count);
        Assert.Empty(smtp.Received);

        // The first one due sends both; the second finds nothing left to send.
        await RunNowAsync(jobs[0]);
        var email = await smtp.MessageToAsync(Email);
        Assert.Contains("We have it in a 58 cm.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Shall I hold one <b>for you</b>?", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(Page, email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Shall I hold one &lt;b&gt;for you&lt;/b&gt;?", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Page}\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Expert 01", email.TextBody, StringComparison.Ordinal);
        await RunNowAsync(jobs[1]);
        Assert.Single(smtp.Received, e => e.To.Contains(Email));
        var through = await factory.InMerchantAsync(world.MerchantId, db => db.Chats.Where(c => c.Id == chat.Id).Select(c => c.EmailedThroughSequence).SingleAsync());
        Assert.Equal(await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.Where(m => m.ChatId == chat.Id).MaxAsync(m => m.Sequence)), through);

        // Back on the site: the widget shows the next reply, no email is queued.
        await using var back = await HubEvents.ConnectAsync(factory, ShopperHub.Path, shopper.DefaultRequestHeaders.Authorization!.Parameter!, ChatClients.ShopperEvents);
        (await expert.Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/messages", new { text = "See you soon." })).EnsureSuccessStatusCode();
        await back.NextAsync<MessageView>(ChatHubEvents.MessageReceived, m => m.Text == "See you soon.");
        Assert.Empty(ScheduledFor(chat.Id));
        Assert.DoesNotContain(CapturedLogs.All, entry => entry.Contains(Email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_discount_code_sent_to_a_shopper_who_left_is_emailed_as_its_plain_text()
    {
        var (world, experts) = await HandoverScenario.TeamOnlineAsync(factory, 1);
        await using var _ = new Sessions(experts);
        var (_, chat) = await ClaimedChatWithoutWidgetAsync(world, experts[0]);
        var code = new DiscountCode { MerchantId = world.MerchantId, Code = "SUNHAT15", Description = "15% off hats", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        await factory.InMerchantAsync(world.MerchantId, db =>
        {
            db.DiscountCodes.Add(code);
            return db.SaveChangesAsync();
        });

        (await experts[0].Api.PostAsync($"/api/v1/expert/chats/{chat.Id}/discount-codes/{code.Id}", null)).EnsureSuccessStatusCode();
        await RunNowAsync(Assert.Single(ScheduledFor(chat.Id)));

        var email = await smtp.MessageToAsync(Email);
        Assert.Contains("Discount code SUNHAT15: 15% off hats", email.TextBody, StringComparison.Ordinal);
    }

    /// <summary>A chat the expert has claimed, started by Robin (with an email) from <see cref="Page"/>, with no widget open.</summary>
    private async Task<(HttpClient Shopper, ChatView Chat)> ClaimedChatWithoutWidgetAsync(RoutingWorld world, ExpertSession expert)
    {
        var (shopper, _, _) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        var started = await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats", new { departmentId = world.ShoesId, language = "en", name = "Robin", email = Email, pageUrl = Page });
        var chat = (await started.Content.ReadAsync<ChatView>())!;
        var offer = await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        (await expert.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).EnsureSuccessStatusCode();
        return (shopper, chat);
    }

    /// <summary>The offline reply jobs still scheduled for this chat, oldest first.</summary>
    private List<string> ScheduledFor(Guid chatId) =>
        factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 1000)
            .Where(j => j.Value.Job?.Type == typeof(OfflineReplyJob) && j.Value.Job.Args[1] is Guid id && id == chatId)
            .OrderBy(j => j.Value.EnqueueAt)
            .Select(j => j.Key)
            .ToList();

    /// <summary>Makes a scheduled job due now (as a minute passing would) and waits until it has run.</summary>
    private async Task RunNowAsync(string jobId)
    {
        var performed = factory.Jobs.NextPerformedAsync<OfflineReplyJob>();
        Assert.True(factory.Services.GetRequiredService<IBackgroundJobClient>().Requeue(jobId));
        await performed;
    }

    private sealed record Presence(Guid ChatId, bool Online);
}
