using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats.Actions;

/// <summary>
/// The Store App's conversation actions over the real pipeline: GET /chats/{id}, notes, priority and block, by role
/// and merchant; bad input answered with problem details naming the field and nothing stored.
/// </summary>
public sealed class ExpertChatActionEndpointTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task The_holder_adds_a_note_that_staff_see_and_the_shopper_never_gets()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);

        var added = await chat.Expert.Api.PostAsJsonAsync(chat.ExpertUrl("notes"), new { text = "Regular customer, offer the loyalty discount" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var note = (await added.Content.ReadAsync<MessageView>())!;
        Assert.Equal((MessageKind.Note, MessageSender.Expert, "Expert 01"), (note.Kind, note.Sender, note.AuthorName));

        // Not over the shopper's hub: the expert's next message reaches the shopper, the note never did.
        (await chat.Expert.Api.PostAsJsonAsync(chat.ExpertUrl("messages"), new { text = "Hello! Happy to help." })).EnsureSuccessStatusCode();
        var shopperSaw = await ActionScenario.ShopperMessagesUntilAsync(chat.ShopperHub, "Hello! Happy to help.");
        Assert.DoesNotContain(shopperSaw, m => m.Kind == MessageKind.Note || m.Text.Contains("loyalty", StringComparison.Ordinal));

        // Not in the shopper's messages API; in the staff views.
        var shopperMessages = (await chat.Shopper.GetJsonAsync<List<MessageView>>(chat.ShopperUrl("messages?after=0")))!;
        Assert.DoesNotContain(shopperMessages, m => m.Sequence == note.Sequence);
        var expertMessages = (await chat.Expert.Api.GetJsonAsync<List<MessageView>>(chat.ExpertUrl("messages?after=0")))!;
        Assert.Contains(expertMessages, m => m.Sequence == note.Sequence && m.Kind == MessageKind.Note);
        var detail = (await chat.Expert.Api.GetJsonAsync<ExpertChatDetail>(chat.ExpertUrl()))!;
        Assert.Contains(detail.Messages, m => m.Sequence == note.Sequence && m.Kind == MessageKind.Note);
    }

    [Fact]
    public async Task A_mentioned_teammate_is_notified_and_the_mention_is_kept_on_the_note()
    {
        var world = await RoutingScenario.WorldAsync(factory, 2);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);
        var (_, token) = await ChatClients.ExpertAsync(factory, world.Experts[1].Email);
        await using var teammate = await HubEvents.ConnectAsync(factory, ExpertHub.Path, token, ActionScenario.ExpertEvents);

        var added = await chat.Expert.Api.PostAsJsonAsync(chat.ExpertUrl("notes"), new { text = "@expert 02 do we have these in 42?" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var mention = await teammate.NextAsync<MessageView>(ChatHubEvents.Mentioned);
        Assert.Equal((chat.Id, "@expert 02 do we have these in 42?"), (mention.ChatId, mention.Text));
        var data = await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.Where(m => m.ChatId == chat.Id && m.Kind == MessageKind.Note).Select(m => m.Data).SingleAsync());
        Assert.Equal([world.Experts[1].Id], NoteMentions.FromData(data));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_note_without_text_is_refused_naming_the_field_and_nothing_is_stored(string text)
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);

        var refused = await chat.Expert.Api.PostAsJsonAsync(chat.ExpertUrl("notes"), new { text });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True((await refused.Content.ReadAsync<ValidationProblemDetails>())!.Errors.ContainsKey("text"));
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.CountAsync(m => m.ChatId == chat.Id && m.Kind == MessageKind.Note)));
    }

    [Fact]
    public async Task The_holder_flags_priority_and_bad_input_names_the_field()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);

        var missing = await chat.Expert.Api.PutAsJsonAsync(chat.ExpertUrl("priority"), new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadAsync<ValidationProblemDetails>())!.Errors.ContainsKey("priority"));
        Assert.False(await IsPriorityAsync(world, chat.Id));

        var flagged = await chat.Expert.Api.PutAsJsonAsync(chat.ExpertUrl("priority"), new { priority = true });

        Assert.Equal(HttpStatusCode.NoContent, flagged.StatusCode);
        Assert.True(await IsPriorityAsync(world, chat.Id));
        Assert.Equal(chat.Id, (await chat.Expert.Hub.NextAsync<ChatRef>(ChatHubEvents.ChatUpdated)).ChatId);
        Assert.True((await chat.Expert.Api.GetJsonAsync<ExpertChatDetail>(chat.ExpertUrl()))!.IsPriority);

        Assert.Equal(HttpStatusCode.NoContent, (await chat.Expert.Api.PutAsJsonAsync(chat.ExpertUrl("priority"), new { priority = false })).StatusCode);
        Assert.False(await IsPriorityAsync(world, chat.Id));
    }

    [Fact]
    public async Task The_chat_detail_shows_the_email_while_active_and_what_the_holder_may_do()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world, email: "lea@example.com", name: "Léa");

        var active = (await chat.Expert.Api.GetJsonAsync<ExpertChatDetail>(chat.ExpertUrl()))!;
        Assert.Equal(("lea@example.com", true, "Shoes", ChatStatus.Active), (active.ShopperEmail, active.EmailGiven, active.Department, active.Chat.Status));
        Assert.True(active.CanReply && active.CanNote && active.CanManage && active.CanClose);
        Assert.False(active.CanArchive);

        (await chat.Expert.Api.PostAsync(chat.ExpertUrl("close"), null)).EnsureSuccessStatusCode();
        var ended = (await chat.Expert.Api.GetJsonAsync<ExpertChatDetail>(chat.ExpertUrl()))!;
        Assert.Equal((null, true), (ended.ShopperEmail, ended.EmailGiven));
        Assert.False(ended.CanReply || ended.CanManage || ended.CanClose);
        Assert.True(ended.CanArchive);
    }

    [Fact]
    public async Task An_expert_who_does_not_hold_the_chat_gets_404_and_changes_nothing()
    {
        var world = await RoutingScenario.WorldAsync(factory, 2);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);
        var (other, _) = await ChatClients.ExpertAsync(factory, world.Experts[1].Email);

        await AssertNoSuchChatForAsync(other, chat, world);
    }

    [Fact]
    public async Task An_expert_of_another_merchant_gets_404_and_changes_nothing()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);
        var elsewhere = await RoutingScenario.WorldAsync(factory, 1);
        var (foreign, _) = await ChatClients.ExpertAsync(factory, elsewhere.Experts[0].Email);

        await AssertNoSuchChatForAsync(foreign, chat, world);
    }

    [Fact]
    public async Task An_expert_offered_a_waiting_chat_sees_it_and_may_note_but_not_manage_it()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var expert = await RoutingScenario.ExpertOnlineAsync(factory, world.Experts[0]);
        var (shopper, chat) = await RoutingScenario.ChatAsync(factory, world);
        await expert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived);
        var url = $"/api/v1/expert/chats/{chat.Id}";

        var detail = (await expert.Api.GetJsonAsync<ExpertChatDetail>(url))!;
        Assert.Equal(ChatStatus.Waiting, detail.Chat.Status);
        Assert.True(detail.CanNote);
        Assert.False(detail.CanManage || detail.CanReply);
        Assert.Equal(HttpStatusCode.Created, (await expert.Api.PostAsJsonAsync($"{url}/notes", new { text = "I'll take it in a second" })).StatusCode);

        var priority = await expert.Api.PutAsJsonAsync($"{url}/priority", new { priority = true });
        var block = await expert.Api.PostAsJsonAsync($"{url}/block", new { reason = "Spam" });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (priority.StatusCode, block.StatusCode));
        Assert.False(await IsPriorityAsync(world, chat.Id));
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.BlockedShoppers.CountAsync()));
        shopper.Dispose();
    }

    [Fact]
    public async Task A_store_manager_who_is_also_an_expert_manages_their_stores_chats_from_the_store_app()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);
        var manager = await ActionScenario.AddStaffAsync(factory, world, StaffRoles.StoreManager | StaffRoles.Expert, "Grace Hughes");
        var (api, _) = await ChatClients.ExpertAsync(factory, manager.Email);

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(chat.ExpertUrl())).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsJsonAsync(chat.ExpertUrl("priority"), new { priority = true })).StatusCode);
        Assert.True(await IsPriorityAsync(world, chat.Id));
    }

    private async Task AssertNoSuchChatForAsync(HttpClient caller, ActionChat chat, RoutingWorld world)
    {
        var responses = new[]
        {
            await caller.GetAsync(chat.ExpertUrl()),
            await caller.PostAsJsonAsync(chat.ExpertUrl("notes"), new { text = "Sneaky" }),
            await caller.PutAsJsonAsync(chat.ExpertUrl("priority"), new { priority = true }),
            await caller.PostAsJsonAsync(chat.ExpertUrl("block"), new { reason = "Sneaky" }),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.All(responses, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.CountAsync(m => m.ChatId == chat.Id && m.Kind == MessageKind.Note)));
        Assert.False(await IsPriorityAsync(world, chat.Id));
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.BlockedShoppers.CountAsync()));
        Assert.Equal(ChatStatus.Active, await factory.InMerchantAsync(world.MerchantId, db => db.Chats.Where(c => c.Id == chat.Id).Select(c => c.Status).SingleAsync()));
    }

    private Task<bool> IsPriorityAsync(RoutingWorld world, Guid chatId) =>
        factory.InMerchantAsync(world.MerchantId, db => db.Chats.Where(c => c.Id == chatId).Select(c => c.IsPriority).SingleAsync());

    private sealed record ChatRef(Guid ChatId);
}
