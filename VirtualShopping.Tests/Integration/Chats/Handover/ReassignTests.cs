using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats.Handover;

/// <summary>
/// Reassigning a chat in progress over the Store App API (and the inbox's service): the teammate gets a transfer
/// offer with a countdown and accepts it with the usual claim call, or declines, or lets it run out; the chat stays
/// with its holder until accepted, the database decides who gets it within the chat limit, and nobody goes
/// unavailable over a transfer.
/// </summary>
public sealed class ReassignTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    private RoutingSweeper Sweeper => factory.Services.GetRequiredService<RoutingSweeper>();

    [Fact]
    public async Task The_holder_reassigns_and_the_teammate_accepts_and_carries_on_with_the_shopper()
    {
        var (world, experts) = await HandoverScenario.TeamOnlineAsync(factory, 2);
        await using var _ = new Sessions(experts);
        var (holder, teammate) = (experts[0], experts[1]);
        await using var chat = await HandoverScenario.HeldChatAsync(factory, world, holder, experts);
        (await chat.Shopper.PostAsJsonAsync(chat.Messages, new { text = "Do these come in blue?" })).EnsureSuccessStatusCode();

        var asked = await holder.Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/transfer", new { toStaffMemberId = teammate.Person.Id });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var offer = (await asked.Content.ReadAsync<OfferView>())!;
        Assert.Equal((OfferKind.Transfer, "Expert 01", chat.Id), (offer.Kind, offer.RequestedByName, offer.ChatId));
        var pushed = await teammate.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived, o => o.ChatId == chat.Id);
        Assert.Equal((offer.OfferId, OfferKind.Transfer, "Expert 01"), (pushed.OfferId, pushed.Kind, pushed.RequestedByName));
        Assert.Contains(await teammate.Api.GetJsonAsync<List<OfferView>>("/api/v1/expert/offers") ?? [], o => o.OfferId == offer.OfferId && o.Kind == OfferKind.Transfer);

        // Until accepted the chat is the holder's.
        Assert.Equal(holder.Person.Id, (await HandoverScenario.ChatAsync(factory, world, chat.Id)).ExpertId);

        var accepted = await teammate.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("Expert 02", (await accepted.Content.ReadAsync<ChatView>())!.ExpertName);

        // The shopper sees the new expert; the previous holder is told the chat left them.
        var seen = await chat.ShopperHub.NextAsync<ChatView>(ChatHubEvents.ChatChanged, c => c.ExpertName == "Expert 02");
        Assert.Equal(("Regent Street", ChatStatus.Active), (seen.ExpertStoreName, seen.Status));
        await chat.ShopperHub.NextAsync<MessageView>(ChatHubEvents.MessageReceived, m => m.Text == "Expert 02 took over the chat from Expert 01.");
        await holder.Hub.NextAsync<ChatView>(ChatHubEvents.ChatChanged, c => c.Id == chat.Id && c.ExpertName == "Expert 02");

        // The new expert has the history and the conversation goes on both ways; the old holder can no longer write.
        var history = await teammate.Api.GetJsonAsync<List<MessageView>>($"/api/v1/expert/chats/{chat.Id}/messages");
        Assert.Contains(history!, m => m.Text == "Do these come in blue?");
        (await teammate.Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/messages", new { text = "Yes, navy and sky." })).EnsureSuccessStatusCode();
        await chat.ShopperHub.NextAsync<MessageView>(ChatHubEvents.MessageReceived, m => m.Text == "Yes, navy and sky." && m.AuthorName == "Expert 02");
        (await chat.Shopper.PostAsJsonAsync(chat.Messages, new { text = "Sky please." })).EnsureSuccessStatusCode();
        await teammate.Hub.NextAsync<MessageView>(ChatHubEvents.MessageReceived, m => m.Text == "Sky please.");
        Assert.Equal(HttpStatusCode.NotFound, (await holder.Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/messages", new { text = "Still me?" })).StatusCode);

        var stored = await HandoverScenario.ChatAsync(factory, world, chat.Id);
        Assert.Equal((teammate.Person.Id, world.StoreId, ChatStatus.Active), (stored.ExpertId!.Value, stored.StoreId!.Value, stored.Status));
    }

    [Fact]
    public async Task A_store_manager_or_support_reassigns_a_chat_of_their_store_and_a_manager_of_another_store_cannot_see_it()
    {
        var (world, experts) = await HandoverScenario.TeamOnlineAsync(factory, 3);
        await using var _ = new Sessions(experts);
        await using var chat = await HandoverScenario.HeldChatAsync(factory, world, experts[0], experts);

        var elsewhere = await HandoverScenario.AsAsync(factory, world, h => h.RequestTransferAsync(HandoverScenario.StoreManager(world, Guid.NewGuid()), chat.Id, experts[1].Person.Id));
        Assert.Equal(ChatProblemKind.NotFound, elsewhere.Problem);

        var byManager = await HandoverScenario.AsAsync(factory, world, h => h.RequestTransferAsync(HandoverScenario.StoreManager(world), chat.Id, experts[1].Person.Id));
        Assert.True(byManager.Succeeded, byManager.Message);
        Assert.Equal("Morgan Manager", (await experts[1].Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived, o => o.ChatId == chat.Id)).RequestedByName);

        var bySupport = await HandoverScenario.AsAsync(factory, world, h => h.RequestTransferAsync(HandoverScenario.Support(), chat.Id, experts[2].Person.Id));
        Assert.True(bySupport.Succeeded, bySupport.Message);

        // The inbox's accept: the teammate asked by the manager takes it.
        var accepted = await HandoverScenario.AsAsync(factory, world, h => h.AcceptTransferAsync(experts[1].Person.Id, byManager.Value!.OfferId));
        Assert.True(accepted.Succeeded, accepted.Message);
        await chat.ShopperHub.NextAsync<MessageView>(ChatHubEvents.MessageReceived, m => m.Text == "Expert 02 took over the chat from Expert 01.");

        // The other teammate's request is withdrawn: the chat is no longer the first holder's to give.
        await experts[2].Hub.NextAsync<Withdrawal>(ChatHubEvents.OfferWithdrawn, w => w.OfferId == bySupport.Value!.OfferId);
        var late = await experts[2].Api.PostAsync($"/api/v1/expert/offers/{bySupport.Value!.OfferId}/claim", null);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(experts[1].Person.Id, (await HandoverScenario.ChatAsync(factory, world, chat.Id)).ExpertId);
    }

    [Fact]
    public async Task Only_the_holder_may_reassign_over_the_Store_App_and_other_experts_and_merchants_see_no_such_chat()
    {
        var (world, experts) = await HandoverScenario.TeamOnlineAsync(factory, 2);
        await using var _ = new Sessions(experts);
        await using var chat = await HandoverScenario.HeldChatAsync(factory, world, experts[0], experts);
        var (otherWorld, otherExperts) = await HandoverScenario.TeamOnlineAsync(factory, 1);
        await using var __ = new Sessions(otherExperts);

        foreach (var stranger in new[] { experts[1], otherExperts[0] })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/transfer", new { toStaffMemberId = stranger.Person.Id })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.GetAsync($"/api/v1/expert/chats/{chat.Id}/transfer-candidates")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/move", new { departmentId = world.HatsId })).StatusCode);
        }

        // A teammate of another merchant is no teammate.
        var foreign = await experts[0].Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/transfer", new { toStaffMemberId = otherExperts[0].Person.Id });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal("Choose a teammate from the list.", Assert.Single((await foreign.Content.ReadAsync<ValidationProblemDetails>())!.Errors["toStaffMemberId"]));
        Assert.Equal(0, await factory.InMerchantAsync(otherWorld.MerchantId, db => db.ChatOffers.CountAsync(o => o.Kind == OfferKind.Transfer)));
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.ChatOffers.CountAsync(o => o.Kind == OfferKind.Transfer)));
    }

    [Fact]
    public async Task Bad_input_gets_field_problems_and_stores_nothing()
    {
        var (world, experts) = await HandoverScenario.TeamOnlineAsync(factory, 2);
        await using var _ = new Sessions(experts);
        await using var chat = await HandoverScenario.HeldChatAsync(factory, world, experts[0], experts);
        var transfer = $"/api/v1/expert/chats/{chat.Id}/transfer";

        var cases = new (object Body, string Error)[]
        {
            (new { }, "Choose a teammate from the list."),
            (new { toStaffMemberId = Guid.NewGuid() }, "Choose a teammate from the list."),
            (new { toStaffMemberId = experts[0].Person.Id }, "This teammate already holds the chat."),
        };
        foreach (var (body, error) in cases)
        {
            var refused = await experts[0].Api.PostAsJsonAsync(transfer, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(error, Assert.Single((await refused.Content.ReadAsync<ValidationProblemDetails>())!.Errors["toStaffMemberId"]));
        }

        var garbled = await experts[0].Api.PostAsync(transfer, new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);

        // Asked once is enough: a second request for the same teammate is refused while the first counts down.
        Assert.Equal(HttpStatusCode.Accepted, (await experts[0].Api.PostAsJsonAsync(transfer, new { toStaffMemberId = experts[1].Person.Id })).StatusCode);
        var again = await experts[0].Api.PostAsJsonAsync(transfer, new { toStaffMemberId = experts[1].Person.Id });
        Assert.Equal("This teammate has already been asked to take this chat over.", Assert.Single((await again.Content.ReadAsync<ValidationProblemDetails>())!.Errors["toStaffMemberId"]));
        Assert.Equal(1, await factory.InMerchantAsync(world.MerchantId, db => db.ChatOffers.CountAsync(o => o.Kind == OfferKind.Transfer)));
    }

    [Fact]
    public async Task A_teammate_at_their_chat_limit_is_refused_and_nothing_is_stored()
    {
        var (world, experts) = await HandoverScenario.TeamOnlineAsync(factory, 2, s => s.MaxSimultaneousChats = 1);
        await using var _ = new Sessions(experts);
        await using var first = await HandoverScenario.HeldChatAsync(factory, world, experts[0], experts);
        await using var second = await HandoverScenario.HeldChatAsync(factory, world, experts[1], experts);

        var refused = await experts[0].Api.PostAsJsonAsync($"/api/v1/expert/chats/{first.Id}/transfer", new { toStaffMemberId = experts[1].Person.Id });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("the most they may hold at once", Assert.Single((await refused.Content.ReadAsync<ValidationProblemDetails>())!.Errors["toStaffMemberId"]), StringComparison.Ordinal);
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.ChatOffers.CountAsync(o => o.Kind == OfferKind.Transfer)));
        Assert.DoesNotContain(experts[1].Hub.Drain<OfferView>(ChatHubEvents.OfferReceived), o => o.Kind == OfferKind.Transfer);
        Assert.Equal(experts[0].Person.Id, (await HandoverScenario.ChatAsync(factory, world, first.Id)).ExpertId);
    }

    [Fact]
    public async Task A_teammate_who_took_another_chat_meanwhile_cannot_accept_beyond_their_limit()
    {
        var (world, experts) = await HandoverScenario.TeamOnlineAsync(factory, 2, s => s.MaxSimultaneousChats = 1);
        await using var _ = new Sessions(experts);
        await using var chat = await HandoverScenario.HeldChatAsync(factory, world, experts[0], experts);
        var offer = (await (await experts[0].Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/transfer", new { toStaffMemberId = experts[1].Person.Id })).Content.ReadAsync<OfferView>())!;
        await using var other = await HandoverScenario.HeldChatAsync(factory, world, experts[1], experts);

        var accepted = await experts[1].Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null);

        Assert.Equal(HttpStatusCode.Conflict, accepted.StatusCode);
        Assert.Equal(nameof(ClaimRefusal.AtChatLimit), (await accepted.Content.ReadAsync<ProblemDetails>())!.Extensions["reason"]!.ToString());
        var stored = await HandoverScenario.ChatAsync(factory, world, chat.Id);
        Assert.Equal(experts[0].Person.Id, stored.ExpertId);
        Assert.Equal(OfferStatus.Pending, await factory.InMerchantAsync(world.MerchantId, db => db.ChatOffers.Where(o => o.Id == offer.OfferId).Select(o => o.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_declined_transfer_leaves_the_chat_with_its_holder_and_never_makes_the_teammate_unavailable()
    {
        var (world, experts) = await HandoverScenario.TeamOnlineAsync(factory, 2);
        await using var _ = new Sessions(experts);
        await using var chat = await HandoverScenario.HeldChatAsync(factory, world, experts[0], experts);

        for (var i = 0; i < 3; i++)
        {
            var offer = (await (await experts[0].Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/transfer", new { toStaffMemberId = experts[1].Person.Id })).Content.ReadAsync<OfferView>())!;
            var declined = await experts[1].Api.PostAsJsonAsync($"/api/v1/expert/offers/{offer.OfferId}/decline", new { goUnavailable = false });
            Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
            Assert.True((await declined.Content.ReadAsync<DeclineAnswer>())!.Available);

            // The holder hears of the request and of the answer.
            await experts[0].Hub.NextAsync<ChatUpdate>(ChatHubEvents.ChatUpdated, u => u.ChatId == chat.Id);
            await experts[0].Hub.NextAsync<ChatUpdate>(ChatHubEvents.ChatUpdated, u => u.ChatId == chat.Id);
        }

        Assert.True((await experts[1].Api.GetJsonAsync<ExpertProfile>("/api/v1/expert/me"))!.Available);
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.StaffMembers.Where(s => s.Id == experts[1].Person.Id).Select(s => s.ConsecutiveDeclines).SingleAsync()));
        Assert.Equal(experts[0].Person.Id, (await HandoverScenario.ChatAsync(factory, world, chat.Id)).ExpertId);
    }

    [Fact]
    public async Task A_transfer_nobody_answers_runs_out_without_counting_as_a_missed_offer()
    {
        var (world, experts) = await HandoverScenario.TeamOnlineAsync(factory, 2);
        await using var _ = new Sessions(experts);
        await using var chat = await HandoverScenario.HeldChatAsync(factory, world, experts[0], experts);

        for (var i = 0; i < 3; i++)
        {
            var offer = (await (await experts[0].Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/transfer", new { toStaffMemberId = experts[1].Person.Id })).Content.ReadAsync<OfferView>())!;

            // The chat is in progress, not waiting: the sweep leaves the transfer alone until its countdown ends.
            await Sweeper.SweepAsync(TestContext.Current.CancellationToken);
            Assert.Equal(OfferStatus.Pending, await OfferStatusAsync(world, offer.OfferId));

            factory.Clock.Advance(TimeSpan.FromSeconds(16));
            await Sweeper.SweepAsync(TestContext.Current.CancellationToken);
            var withdrawn = await experts[1].Hub.NextAsync<Withdrawal>(ChatHubEvents.OfferWithdrawn, w => w.OfferId == offer.OfferId);
            Assert.Equal(OfferWithdrawal.Expired, withdrawn.Reason);
            Assert.Equal(HttpStatusCode.Conflict, (await experts[1].Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).StatusCode);
        }

        Assert.True((await experts[1].Api.GetJsonAsync<ExpertProfile>("/api/v1/expert/me"))!.Available);
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.StaffMembers.Where(s => s.Id == experts[1].Person.Id).Select(s => s.ConsecutiveMissedOffers).SingleAsync()));
        Assert.Equal(experts[0].Person.Id, (await HandoverScenario.ChatAsync(factory, world, chat.Id)).ExpertId);
    }

    [Fact]
    public async Task A_transfer_of_a_chat_that_ends_is_withdrawn()
    {
        var (world, experts) = await HandoverScenario.TeamOnlineAsync(factory, 2);
        await using var _ = new Sessions(experts);
        await using var chat = await HandoverScenario.HeldChatAsync(factory, world, experts[0], experts);
        var offer = (await (await experts[0].Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/transfer", new { toStaffMemberId = experts[1].Person.Id })).Content.ReadAsync<OfferView>())!;

        (await experts[0].Api.PostAsync($"/api/v1/expert/chats/{chat.Id}/close", null)).EnsureSuccessStatusCode();

        Assert.Equal(OfferWithdrawal.ChatClosed, (await experts[1].Hub.NextAsync<Withdrawal>(ChatHubEvents.OfferWithdrawn, w => w.OfferId == offer.OfferId)).Reason);
        Assert.Equal(HttpStatusCode.Conflict, (await experts[1].Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await experts[0].Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/transfer", new { toStaffMemberId = experts[1].Person.Id })).StatusCode);
    }

    [Fact]
    public async Task Two_teammates_accepting_at_once_one_gets_the_chat()
    {
        var (world, experts) = await HandoverScenario.TeamOnlineAsync(factory, 3);
        await using var _ = new Sessions(experts);
        await using var chat = await HandoverScenario.HeldChatAsync(factory, world, experts[0], experts);
        var offers = new List<OfferView>();
        foreach (var teammate in experts.Skip(1))
        {
            offers.Add((await (await experts[0].Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/transfer", new { toStaffMemberId = teammate.Person.Id })).Content.ReadAsync<OfferView>())!);
        }

        var answers = await Task.WhenAll(experts.Skip(1).Zip(offers, (teammate, offer) => teammate.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        var winner = experts[1 + Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.OK)];
        Assert.Equal(winner.Person.Id, (await HandoverScenario.ChatAsync(factory, world, chat.Id)).ExpertId);
        Assert.Equal(1, await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.CountAsync(m => m.ChatId == chat.Id && m.Text.Contains("took over"))));
    }

    [Fact]
    public async Task Accepting_a_transfer_and_claiming_a_new_chat_at_once_never_goes_beyond_the_limit()
    {
        var (world, experts) = await HandoverScenario.TeamOnlineAsync(factory, 2, s => s.MaxSimultaneousChats = 1);
        await using var _ = new Sessions(experts);
        await using var chat = await HandoverScenario.HeldChatAsync(factory, world, experts[0], experts);
        var transfer = (await (await experts[0].Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/transfer", new { toStaffMemberId = experts[1].Person.Id })).Content.ReadAsync<OfferView>())!;
        await experts[1].Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived, o => o.OfferId == transfer.OfferId);
        var (_, waiting) = await RoutingScenario.ChatAsync(factory, world);
        var routing = await experts[1].Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived, o => o.ChatId == waiting.Id);

        var answers = await Task.WhenAll(
            experts[1].Api.PostAsync($"/api/v1/expert/offers/{transfer.OfferId}/claim", null),
            experts[1].Api.PostAsync($"/api/v1/expert/offers/{routing.OfferId}/claim", null));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(1, await factory.InMerchantAsync(world.MerchantId, db => db.Chats.CountAsync(c => c.ExpertId == experts[1].Person.Id && c.Status == ChatStatus.Active)));
    }

    [Fact]
    public async Task The_candidates_are_the_other_active_experts_with_availability_connection_and_load()
    {
        var (world, experts) = await HandoverScenario.TeamOnlineAsync(factory, 2);
        await using var _ = new Sessions(experts);
        await using var chat = await HandoverScenario.HeldChatAsync(factory, world, experts[0], experts);
        (await experts[1].Api.PutAsJsonAsync("/api/v1/expert/availability", new { available = false })).EnsureSuccessStatusCode();

        var candidates = await experts[0].Api.GetJsonAsync<List<TeamMemberStatus>>($"/api/v1/expert/chats/{chat.Id}/transfer-candidates");

        var teammate = Assert.Single(candidates!);
        Assert.Equal((experts[1].Person.Id, "Expert 02", false, true, 0, 3), (teammate.StaffMemberId, teammate.Name, teammate.Available, teammate.Connected, teammate.ActiveChats, teammate.Capacity));
        Assert.Equal(["Regent Street"], teammate.Stores);
        Assert.Equal(["Shoe team"], teammate.Teams);
    }

    [Fact]
    public async Task The_handover_calls_are_documented_in_OpenAPI_for_the_Store_App()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
        var paths = document.GetProperty("paths");

        foreach (var (path, method, summary) in new[]
        {
            ("/api/v1/expert/chats/{chatId}/transfer", "post", "Reassign a chat to a teammate"),
            ("/api/v1/expert/chats/{chatId}/transfer-candidates", "get", "Teammates who could take a chat over"),
            ("/api/v1/expert/chats/{chatId}/move", "post", "Move a chat to another department"),
        })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.Equal(summary, operation.GetProperty("summary").GetString());
            Assert.Equal("Store App", operation.GetProperty("tags")[0].GetString());
        }
    }

    private Task<OfferStatus> OfferStatusAsync(RoutingWorld world, Guid offerId) =>
        factory.InMerchantAsync(world.MerchantId, db => db.ChatOffers.Where(o => o.Id == offerId).Select(o => o.Status).SingleAsync());

    private sealed record DeclineAnswer(bool Declined, bool Available);

    private sealed record ChatUpdate(Guid ChatId);
}

/// <summary>Closes every expert session at the end of a test.</summary>
internal sealed class Sessions(IEnumerable<ExpertSession> sessions) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        foreach (var session in sessions)
        {
            await session.DisposeAsync();
        }
    }
}
