using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats.Actions;

/// <summary>
/// <see cref="ChatActions"/> as the inbox calls it, over a real database and real hubs: a manager closes a chat
/// (named in the closing line, the transcript sent without the notes), archive and restore, and who may do what.
/// </summary>
public sealed class ChatActionsTests : IAsyncLifetime
{
    private readonly SmtpSink smtp = new();
    private RoutingFactory factory = null!;

    public ValueTask InitializeAsync()
    {
        factory = new RoutingFactory().WithSmtp(smtp);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_store_manager_closes_a_chat_of_their_store_and_the_transcript_leaves_the_notes_out()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world, email: "lea@example.com", name: "Léa");
        var manager = await ActionScenario.StaffAsync(factory, world.MerchantId, (await ActionScenario.AddStaffAsync(factory, world, StaffRoles.StoreManager, "Priya Shah")).Id);
        (await chat.Expert.Api.PostAsJsonAsync(chat.ExpertUrl("messages"), new { text = "The boots come in black." })).EnsureSuccessStatusCode();
        var note = await Actions(world.MerchantId, a => a.AddNoteAsync(manager, chat.Id, "Secret: she returned two pairs last month"));
        Assert.True(note.Succeeded);

        var closed = await Actions(world.MerchantId, a => a.CloseAsync(manager, chat.Id));

        Assert.True(closed.Succeeded);
        Assert.Equal((ChatStatus.Ended, ChatEndReason.Expert), (closed.Value!.Status, closed.Value.EndReason));
        var line = await chat.ShopperHub.NextAsync<MessageView>(ChatHubEvents.MessageReceived, m => m.Sender == MessageSender.System && m.Text.EndsWith("closed the chat.", StringComparison.Ordinal));
        Assert.Equal("Priya Shah closed the chat.", line.Text);
        var transcript = await smtp.MessageToAsync("lea@example.com");
        Assert.Contains("The boots come in black.", transcript.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", transcript.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", transcript.HtmlBody ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_holder_closes_as_from_the_store_app_and_a_second_close_is_a_conflict()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);
        var holder = await ActionScenario.StaffAsync(factory, world.MerchantId, world.Experts[0].Id);

        Assert.True((await Actions(world.MerchantId, a => a.CloseAsync(holder, chat.Id))).Succeeded);
        Assert.Equal("Expert 01 closed the chat.", (await chat.ShopperHub.NextAsync<MessageView>(ChatHubEvents.MessageReceived, m => m.Sender == MessageSender.System && m.Text.EndsWith("closed the chat.", StringComparison.Ordinal))).Text);
        Assert.Equal(ChatProblemKind.Conflict, (await Actions(world.MerchantId, a => a.CloseAsync(holder, chat.Id))).Problem);
    }

    [Fact]
    public async Task Staff_who_may_not_see_the_chat_cannot_close_archive_or_note_it_and_nothing_changes()
    {
        var world = await RoutingScenario.WorldAsync(factory, 2);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);
        var otherExpert = await ActionScenario.StaffAsync(factory, world.MerchantId, world.Experts[1].Id);
        var elsewhere = await RoutingScenario.WorldAsync(factory, 1);
        var foreignAdmin = await ActionScenario.StaffAsync(factory, elsewhere.MerchantId, (await ActionScenario.AddStaffAsync(factory, elsewhere, StaffRoles.HqAdmin, "Alex Morgan")).Id);

        foreach (var (staff, merchant) in new[] { (otherExpert, world.MerchantId), (foreignAdmin, elsewhere.MerchantId) })
        {
            Assert.Equal(ChatProblemKind.NotFound, (await Actions(merchant, a => a.CloseAsync(staff, chat.Id))).Problem);
            Assert.Equal(ChatProblemKind.NotFound, (await Actions(merchant, a => a.ArchiveAsync(staff, chat.Id, true))).Problem);
            Assert.Equal(ChatProblemKind.NotFound, (await Actions(merchant, a => a.AddNoteAsync(staff, chat.Id, "x"))).Problem);
            Assert.Equal(ChatProblemKind.NotFound, (await Actions(merchant, a => a.SetPriorityAsync(staff, chat.Id, true))).Problem);
            Assert.Equal(ChatProblemKind.NotFound, (await Actions(merchant, a => a.BlockAsync(staff, chat.Id, "x"))).Problem);
        }

        var stored = await factory.InMerchantAsync(world.MerchantId, db => db.Chats.AsNoTracking().SingleAsync(c => c.Id == chat.Id));
        Assert.Equal((ChatStatus.Active, false, (DateTimeOffset?)null), (stored.Status, stored.IsPriority, stored.ArchivedAt));
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.CountAsync(m => m.ChatId == chat.Id && m.Kind == MessageKind.Note)));
    }

    [Fact]
    public async Task A_store_manager_of_another_store_does_not_see_the_chat_but_sees_and_closes_waiting_chats_their_store_serves()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);
        var otherStore = await factory.InMerchantAsync(world.MerchantId, async db =>
        {
            var store = new VirtualShopping.Domain.Merchants.Store
            {
                Name = "Manchester",
                Address = new VirtualShopping.Domain.Merchants.Address { Line1 = "1 Market St", City = "Manchester", PostalCode = "M1 1AA", CountryCode = "GB" },
                TimeZoneId = "Europe/London",
            };
            db.Stores.Add(store);
            await db.SaveChangesAsync();
            return store.Id;
        });
        var elsewhere = await ActionScenario.StaffAsync(factory, world.MerchantId, (await ActionScenario.AddStaffAsync(factory, world, StaffRoles.StoreManager, "Grace Hughes", otherStore)).Id);
        Assert.Equal(ChatProblemKind.NotFound, (await Actions(world.MerchantId, a => a.CloseAsync(elsewhere, chat.Id))).Problem);

        // A waiting chat of shoes, which the manager's own (London) store serves.
        var londonManager = await ActionScenario.StaffAsync(factory, world.MerchantId, (await ActionScenario.AddStaffAsync(factory, world, StaffRoles.StoreManager, "Priya Shah")).Id);
        var (shopper, waiting) = await RoutingScenario.ChatAsync(factory, world);
        Assert.Equal(ChatProblemKind.NotFound, (await Actions(world.MerchantId, a => a.SetPriorityAsync(elsewhere, waiting.Id, true))).Problem);
        Assert.True((await Actions(world.MerchantId, a => a.SetPriorityAsync(londonManager, waiting.Id, true))).Succeeded);
        Assert.True((await Actions(world.MerchantId, a => a.CloseAsync(londonManager, waiting.Id))).Succeeded);
        Assert.Equal(ChatStatus.Ended, await factory.InMerchantAsync(world.MerchantId, db => db.Chats.Where(c => c.Id == waiting.Id).Select(c => c.Status).SingleAsync()));
        shopper.Dispose();
    }

    [Fact]
    public async Task An_ended_chat_is_archived_and_restored_never_deleted_and_takes_no_notes_while_archived()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);
        var holder = await ActionScenario.StaffAsync(factory, world.MerchantId, world.Experts[0].Id);
        Assert.Equal(ChatProblemKind.Conflict, (await Actions(world.MerchantId, a => a.ArchiveAsync(holder, chat.Id, true))).Problem);
        await chat.Expert.Api.PostAsync(chat.ExpertUrl("close"), null);

        Assert.True((await Actions(world.MerchantId, a => a.ArchiveAsync(holder, chat.Id, true))).Succeeded);

        Assert.Equal(RoutingFactory.Monday11, await factory.InMerchantAsync(world.MerchantId, db => db.Chats.Where(c => c.Id == chat.Id).Select(c => c.ArchivedAt).SingleAsync()));
        Assert.Equal(chat.Id, (await chat.Expert.Hub.NextAsync<ChatRef>(ChatHubEvents.ChatUpdated)).ChatId);
        var refused = await Actions(world.MerchantId, a => a.AddNoteAsync(holder, chat.Id, "Too late"));
        Assert.Equal(ChatProblemKind.Conflict, refused.Problem);

        Assert.True((await Actions(world.MerchantId, a => a.ArchiveAsync(holder, chat.Id, false))).Succeeded);
        Assert.Null(await factory.InMerchantAsync(world.MerchantId, db => db.Chats.Where(c => c.Id == chat.Id).Select(c => c.ArchivedAt).SingleAsync()));
        Assert.True((await Actions(world.MerchantId, a => a.AddNoteAsync(holder, chat.Id, "Follow up next week"))).Succeeded);
    }

    private Task<T> Actions<T>(Guid merchantId, Func<ChatActions, Task<T>> work) =>
        ActionScenario.InMerchantAsync(factory, merchantId, work);

    private sealed record ChatRef(Guid ChatId);
}
