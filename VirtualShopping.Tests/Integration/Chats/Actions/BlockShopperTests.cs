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
/// Blocking a shopper: the chat ends, the shopper (by session and by the email they gave) cannot start another chat
/// with the merchant and is told only that chat is not available; a manager unblocks from the Blocked list.
/// </summary>
public sealed class BlockShopperTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    private const string Neutral = "Chat is not available right now.";

    [Fact]
    public async Task A_blocked_shopper_cannot_start_a_chat_sees_only_a_neutral_message_and_can_again_once_unblocked()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world, email: "Troll@Example.com", name: "Troll");

        var blocked = await chat.Expert.Api.PostAsJsonAsync(chat.ExpertUrl("block"), new { reason = "  Abusive language  " });

        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        var blockId = (await blocked.Content.ReadAsync<BlockAnswer>())!.BlockId;
        var ended = await chat.ShopperHub.NextAsync<ChatView>(ChatHubEvents.ChatChanged);
        Assert.Equal((ChatStatus.Ended, ChatEndReason.Expert), (ended.Status, ended.EndReason));
        var stored = await factory.InMerchantAsync(world.MerchantId, db => db.BlockedShoppers.AsNoTracking().SingleAsync());
        Assert.Equal((blockId, chat.ShopperId, "Abusive language", "Expert 01", chat.Id), (stored.Id, stored.ShopperId, stored.Reason, stored.BlockedByName, stored.ChatId));
        Assert.Equal(BlockedShopper.HashEmail("troll@example.com"), stored.EmailHash);

        // The same session, and a new session giving the same email, are refused with the neutral message; nothing is stored.
        var chatsBefore = await ChatCountAsync(world);
        await AssertRefusedAsync(chat.Shopper, world, email: null);
        var (newSession, _, _) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        await AssertRefusedAsync(newSession, world, email: " troll@EXAMPLE.com ");
        Assert.Equal(chatsBefore, await ChatCountAsync(world));

        // Another shopper is not affected.
        var (someoneElse, _, _) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        Assert.Equal(HttpStatusCode.Created, (await StartAsync(someoneElse, world, "someone@example.com")).StatusCode);

        // A manager sees the block on the Blocked list (no email on it) and unblocks; the shopper may chat again.
        var manager = await ActionScenario.AddStaffAsync(factory, world, StaffRoles.StoreManager, "Priya Shah");
        var staff = await ActionScenario.StaffAsync(factory, world.MerchantId, manager.Id);
        var list = await ActionScenario.InMerchantAsync<ChatActions, IReadOnlyList<BlockedShopperRow>>(factory, world.MerchantId, a => a.BlockedAsync(staff));
        var row = Assert.Single(list);
        Assert.Equal((blockId, "Troll", "Abusive language", "Expert 01", (Guid?)chat.Id), (row.Id, row.ShopperLabel, row.Reason, row.BlockedByName, row.ChatId));
        var unblocked = await ActionScenario.InMerchantAsync<ChatActions, ChatActionOutcome<bool>>(factory, world.MerchantId, a => a.UnblockAsync(staff, blockId));
        Assert.True(unblocked.Succeeded);
        Assert.Empty(await ActionScenario.InMerchantAsync<ChatActions, IReadOnlyList<BlockedShopperRow>>(factory, world.MerchantId, a => a.BlockedAsync(staff)));
        Assert.Equal(HttpStatusCode.Created, (await StartAsync(chat.Shopper, world, null)).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task A_block_without_a_reason_is_refused_naming_the_field_and_nothing_changes(string? reason)
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);

        var refused = await chat.Expert.Api.PostAsJsonAsync(chat.ExpertUrl("block"), new { reason });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Say why you block this shopper.", Assert.Single((await refused.Content.ReadAsync<ValidationProblemDetails>())!.Errors["reason"]));
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.BlockedShoppers.CountAsync()));
        Assert.Equal(ChatStatus.Active, await factory.InMerchantAsync(world.MerchantId, db => db.Chats.Where(c => c.Id == chat.Id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_reason_over_the_limit_is_refused_naming_the_field()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);

        var refused = await chat.Expert.Api.PostAsJsonAsync(chat.ExpertUrl("block"), new { reason = new string('x', BlockedShopper.MaxReasonLength + 1) });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadAsync<ValidationProblemDetails>())!.Errors.ContainsKey("reason"));
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.BlockedShoppers.CountAsync()));
    }

    [Fact]
    public async Task Only_managers_and_support_unblock_and_a_block_of_another_merchant_is_not_found()
    {
        var world = await RoutingScenario.WorldAsync(factory, 1);
        await using var chat = await ActionScenario.ActiveChatAsync(factory, world);
        var blockId = (await (await chat.Expert.Api.PostAsJsonAsync(chat.ExpertUrl("block"), new { reason = "Spam" })).Content.ReadAsync<BlockAnswer>())!.BlockId;

        var expert = await ActionScenario.StaffAsync(factory, world.MerchantId, world.Experts[0].Id);
        var byExpert = await ActionScenario.InMerchantAsync<ChatActions, ChatActionOutcome<bool>>(factory, world.MerchantId, a => a.UnblockAsync(expert, blockId));
        Assert.Equal(ChatProblemKind.Forbidden, byExpert.Problem);
        Assert.Empty(await ActionScenario.InMerchantAsync<ChatActions, IReadOnlyList<BlockedShopperRow>>(factory, world.MerchantId, a => a.BlockedAsync(expert)));

        var elsewhere = await RoutingScenario.WorldAsync(factory, 1);
        var foreignSupport = await ActionScenario.AddStaffAsync(factory, elsewhere, StaffRoles.Support, "Jordan Lee");
        var foreign = await ActionScenario.StaffAsync(factory, elsewhere.MerchantId, foreignSupport.Id);
        var byForeign = await ActionScenario.InMerchantAsync<ChatActions, ChatActionOutcome<bool>>(factory, elsewhere.MerchantId, a => a.UnblockAsync(foreign, blockId));
        Assert.Equal(ChatProblemKind.NotFound, byForeign.Problem);

        Assert.Null(await factory.InMerchantAsync(world.MerchantId, db => db.BlockedShoppers.Where(b => b.Id == blockId).Select(b => b.UnblockedAt).SingleAsync()));
    }

    private static async Task AssertRefusedAsync(HttpClient shopper, RoutingWorld world, string? email)
    {
        var refused = await StartAsync(shopper, world, email);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadAsync<ValidationProblemDetails>())!;
        Assert.Equal(Neutral, Assert.Single(Assert.Single(problem.Errors, e => e.Key == "chat").Value));
        Assert.DoesNotContain("block", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static Task<HttpResponseMessage> StartAsync(HttpClient shopper, RoutingWorld world, string? email) =>
        shopper.PostAsJsonAsync($"/api/v1/widget/{world.WidgetKey}/chats", new { departmentId = world.ShoesId, language = "en", email });

    private Task<int> ChatCountAsync(RoutingWorld world) => factory.InMerchantAsync(world.MerchantId, db => db.Chats.CountAsync());

    private sealed record BlockAnswer(Guid BlockId);
}
