using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>
/// The routing rules as experts live them, over the real API and hubs, with the app's clock moved on by the
/// test and the sweep run when the test says: declines, missed offers, passing on, connections, capacity,
/// language, out of hours and the idle timeout. Each test has its own merchant.
/// </summary>
public sealed class RoutingRulesTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    private RoutingSweeper Sweeper => factory.Services.GetRequiredService<RoutingSweeper>();

    [Fact]
    public async Task Third_decline_in_a_row_makes_the_expert_unavailable()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1, s => s.NumberOfWaves = 1);
        await using var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);

        for (var i = 1; i <= 3; i++)
        {
            await RoutingScenario.ChatAsync(factory, world);
            var offer = await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
            var declined = await expert.Api.PostAsJsonAsync($"/api/v1/expert/offers/{offer.OfferId}/decline", new { goUnavailable = false });
            Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
            Assert.Equal(i < 3, (await declined.Content.ReadAsync<DeclineAnswer>())!.Available);
        }

        var change = await expert.Hub.NextAsync<AvailabilityChange>(ChatHubEvents.AvailabilityChanged);
        Assert.False(change.Available);
        Assert.Equal("You declined 3 chats in a row, so you are now unavailable.", change.Reason);
        Assert.False((await expert.Api.GetJsonAsync<ExpertProfile>("/api/v1/expert/me"))!.Available);

        // Unavailable experts get no offers.
        await RoutingScenario.ChatAsync(factory, world);
        Assert.Empty(await expert.Api.GetJsonAsync<List<OfferView>>("/api/v1/expert/offers") ?? []);
    }

    [Fact]
    public async Task A_claim_in_between_starts_the_decline_count_afresh()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1, s => s.NumberOfWaves = 1);
        await using var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);

        foreach (var answer in new[] { "decline", "decline", "claim", "decline", "decline" })
        {
            await RoutingScenario.ChatAsync(factory, world);
            var offer = await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
            (await expert.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/{answer}", null)).EnsureSuccessStatusCode();
        }

        Assert.True((await expert.Api.GetJsonAsync<ExpertProfile>("/api/v1/expert/me"))!.Available);
    }

    [Fact]
    public async Task Decline_and_go_unavailable_does_both_and_passes_the_chat_on_at_once()
    {
        var world = await RoutingScenario.WorldAsync(factory, 2);
        await using var first = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        await using var second = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[1]);
        var (_, chat) = await RoutingScenario.ChatAsync(factory, world);

        // Two experts over five waves: the first wave reaches one of them.
        var offered = await OfferedAsync(world, chat.Id);
        var (decliner, other) = offered.Single() == first.Person.Id ? (first, second) : (second, first);
        var offer = await decliner.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);

        var declined = await decliner.Api.PostAsJsonAsync($"/api/v1/expert/offers/{offer.OfferId}/decline", new { goUnavailable = true });
        Assert.False((await declined.Content.ReadAsync<DeclineAnswer>())!.Available);

        // No clock movement: the next wave went out as soon as nobody had the chat on screen.
        var passedOn = await other.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        Assert.Equal(chat.Id, passedOn.ChatId);
        Assert.False((await decliner.Api.GetJsonAsync<ExpertProfile>("/api/v1/expert/me"))!.Available);
    }

    [Fact]
    public async Task Third_missed_offer_in_a_row_makes_the_expert_unavailable()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1, s => s.NumberOfWaves = 1);
        await using var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);

        for (var i = 1; i <= 3; i++)
        {
            var (_, chat) = await RoutingScenario.ChatAsync(factory, world);
            var offer = await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
            factory.Clock.Advance(TimeSpan.FromSeconds(15));
            await Sweeper.SweepAsync();

            var withdrawn = await expert.Hub.NextAsync<Withdrawal>(ChatHubEvents.OfferWithdrawn);
            Assert.Equal((offer.OfferId, OfferWithdrawal.Expired), (withdrawn.OfferId, withdrawn.Reason));
            var late = await expert.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null);
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
            Assert.Equal(i < 3, (await expert.Api.GetJsonAsync<ExpertProfile>("/api/v1/expert/me"))!.Available);
        }

        var change = await expert.Hub.NextAsync<AvailabilityChange>(ChatHubEvents.AvailabilityChanged);
        Assert.Equal("You missed 3 chats in a row, so you are now unavailable.", change.Reason);
    }

    [Fact]
    public async Task A_disconnected_expert_gets_no_offers_until_reconnecting_and_keeps_the_chat_they_hold()
    {
        var world = await RoutingScenario.WorldAsync(factory, 2, s => s.NumberOfWaves = 1);
        var holder = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        await using var colleague = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[1]);
        var (shopper, held) = await RoutingScenario.ChatAsync(factory, world);
        var offer = await holder.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        (await holder.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).EnsureSuccessStatusCode();

        // The holder's phone loses its connection: still available, but not offered the next chat.
        // Closing the client returns before the server has forgotten the connection; the registry says when it has.
        var connectionId = holder.Hub.Connection.ConnectionId!;
        await holder.Hub.DisposeAsync();
        await factory.Services.GetRequiredService<ExpertConnectionRegistry>().ClosedAsync(connectionId).WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        var (_, next) = await RoutingScenario.ChatAsync(factory, world);
        Assert.Equal([colleague.Person.Id], await OfferedAsync(world, next.Id));

        // The chat they hold carries on; messages wait for them.
        var sent = await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats/{held.Id}/messages", new { text = "Still there?" });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var chats = (await holder.Api.GetJsonAsync<List<ChatView>>("/api/v1/expert/chats"))!;
        Assert.Equal([held.Id], chats.Select(c => c.Id));

        // Back online: offered again.
        await using var back = await HubEvents.ConnectAsync(factory, ExpertHub.Path, holder.Token, ChatClients.ExpertEvents);
        var (_, third) = await RoutingScenario.ChatAsync(factory, world);
        Assert.Contains(holder.Person.Id, await OfferedAsync(world, third.Id));
        var caughtUp = (await holder.Api.GetJsonAsync<List<MessageView>>($"/api/v1/expert/chats/{held.Id}/messages?after=1"))!;
        Assert.Equal("Still there?", Assert.Single(caughtUp).Text);
        holder.Api.Dispose();
    }

    [Fact]
    public async Task An_expert_is_told_when_they_have_spoken_with_the_shopper_before_and_can_answer_with_a_saved_reply()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1, s => s.NumberOfWaves = 1);
        await factory.InMerchantAsync(world.MerchantId, async db =>
        {
            db.SavedReplies.Add(new VirtualShopping.Domain.Settings.SavedReply { Shortcut = "/returns", Title = "Returns", Language = "en", Text = "30 days, any store." });
            return await db.SaveChangesAsync();
        });
        await using var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        var (shopper, first) = await RoutingScenario.ChatAsync(factory, world);
        var offer = await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        Assert.False(offer.SpokenBefore);
        (await expert.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).EnsureSuccessStatusCode();

        var reply = Assert.Single((await expert.Api.GetJsonAsync<List<SavedReplyItem>>("/api/v1/expert/saved-replies?language=en"))!);
        var sent = await expert.Api.PostAsJsonAsync($"/api/v1/expert/chats/{first.Id}/messages", new { savedReplyId = reply.Id });
        Assert.Equal("30 days, any store.", (await sent.Content.ReadAsync<MessageView>())!.Text);
        var unknown = await expert.Api.PostAsJsonAsync($"/api/v1/expert/chats/{first.Id}/messages", new { savedReplyId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        (await expert.Api.PostAsync($"/api/v1/expert/chats/{first.Id}/close", null)).EnsureSuccessStatusCode();

        // The same shopper (same session) comes back later.
        var again = await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats", new { departmentId = world.ShoesId, language = "en" });
        again.EnsureSuccessStatusCode();
        Assert.True((await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived)).SpokenBefore);
    }

    [Fact]
    public async Task An_expert_at_the_simultaneous_chat_limit_is_not_offered_another_chat()
    {
        var world = await RoutingScenario.WorldAsync(factory, 2, s => { s.NumberOfWaves = 1; s.MaxSimultaneousChats = 1; });
        await using var busy = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        var (_, first) = await RoutingScenario.ChatAsync(factory, world);
        var offer = await busy.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        (await busy.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).EnsureSuccessStatusCode();

        await using var free = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[1]);
        var (_, second) = await RoutingScenario.ChatAsync(factory, world);

        Assert.Equal([free.Person.Id], await OfferedAsync(world, second.Id));
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task Language_routing_offers_the_first_wave_to_an_expert_who_speaks_the_shoppers_language()
    {
        // Experts 02 and 04 speak French; with four experts over five waves the first wave reaches one.
        var world = await RoutingScenario.WorldAsync(factory, 4);
        var sessions = new List<ExpertSession>();
        foreach (var person in world.Experts)
        {
            sessions.Add(await RoutingScenario.ExpertOnlineAsync(factory, person));
        }

        var (_, chat) = await RoutingScenario.ChatAsync(factory, world, "fr");

        var offered = Assert.Single(await OfferedAsync(world, chat.Id));
        Assert.Contains(offered, new[] { world.Experts[1].Id, world.Experts[3].Id });
        foreach (var session in sessions)
        {
            await session.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_need_no_open_store_serves_sends_the_shopper_to_the_left_message_form()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        var (shopper, _, _) = await ChatClients.ShopperAsync(factory, world.WidgetKey);

        // Nobody serves hats.
        var response = await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats", new { departmentId = world.HatsId, language = "en" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadAsync<OutOfHoursAnswer>())!;
        Assert.True(answer.OutOfHours);
        Assert.StartsWith("Our stores are closed right now.", answer.OutOfHoursText, StringComparison.Ordinal);
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.Chats.CountAsync()));
    }

    [Fact]
    public async Task An_idle_chat_is_warned_and_then_ended_on_both_sides()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1, s => { s.IdleAutoEndMinutes = 10; s.IdleWarningMinutes = 2; });
        await using var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        var (shopper, chat) = await RoutingScenario.ChatAsync(factory, world);
        var offer = await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        var claimedAt = factory.Clock.GetUtcNow();
        (await expert.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).EnsureSuccessStatusCode();

        factory.Clock.Advance(TimeSpan.FromMinutes(7));
        await Sweeper.SweepAsync();
        Assert.Equal(ChatStatus.Active, (await shopper.GetJsonAsync<ChatView>($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}"))!.Status);

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Sweeper.SweepAsync();
        var warning = await expert.Hub.NextAsync<IdleWarningPush>(ChatHubEvents.IdleWarning);
        Assert.Equal(claimedAt.AddMinutes(10), warning.EndsAt);
        var messages = (await shopper.GetJsonAsync<List<MessageView>>($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/messages"))!;
        Assert.Equal("This chat will end in 2 minutes unless someone writes.", messages[^1].Text);

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await Sweeper.SweepAsync();
        var ended = (await shopper.GetJsonAsync<ChatView>($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}"))!;
        Assert.Equal((ChatStatus.Ended, ChatEndReason.Idle), (ended.Status, ended.EndReason));
        Assert.Empty((await expert.Api.GetJsonAsync<List<ChatView>>("/api/v1/expert/chats"))!);
    }

    [Fact]
    public async Task Writing_after_the_warning_keeps_the_chat_open()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        var (shopper, chat) = await RoutingScenario.ChatAsync(factory, world);
        var offer = await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        (await expert.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).EnsureSuccessStatusCode();

        factory.Clock.Advance(TimeSpan.FromMinutes(8));
        await Sweeper.SweepAsync();
        await expert.Hub.NextAsync<IdleWarningPush>(ChatHubEvents.IdleWarning);
        (await shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}/messages", new { text = "Sorry, I'm here" })).EnsureSuccessStatusCode();
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        await Sweeper.SweepAsync();

        Assert.Equal(ChatStatus.Active, (await shopper.GetJsonAsync<ChatView>($"/api/v1/widget/{world.WidgetKey}/chats/{chat.Id}"))!.Status);
    }

    private Task<List<Guid>> OfferedAsync(RoutingWorld world, Guid chatId) =>
        factory.InMerchantAsync(world.MerchantId, db => db.ChatOffers.Where(o => o.ChatId == chatId).Select(o => o.StaffMemberId).ToListAsync());

    private sealed record DeclineAnswer(bool Declined, bool Available);

    private sealed record SavedReplyItem(Guid Id, string Shortcut, string Text);

    private sealed record OutOfHoursAnswer(bool OutOfHours, string OutOfHoursText, bool CanLeaveMessage);

    private sealed record IdleWarningPush(Guid ChatId, DateTimeOffset EndsAt);
}
