using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats.Handover;

/// <summary>
/// Moving a chat to another department: it waits again, the shopper reads where it went, and it is offered to that
/// department's experts, who get the whole history.
/// </summary>
public sealed class MoveTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    [Fact]
    public async Task A_chat_moved_to_hats_is_routed_to_the_hat_expert_who_reads_its_history()
    {
        var (world, experts) = await HandoverScenario.TeamOnlineAsync(factory, 2);
        await using var _ = new Sessions(experts);
        var (shoeExpert, hatExpert) = (experts[0], experts[1]);
        await HandoverScenario.AddHatTeamAsync(factory, world, hatExpert.Person.Id);
        await using var chat = await HandoverScenario.HeldChatAsync(factory, world, shoeExpert, experts);
        (await chat.Shopper.PostAsJsonAsync(chat.Messages, new { text = "Actually I need a sun hat." })).EnsureSuccessStatusCode();

        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var moved = await shoeExpert.Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/move", new { departmentId = world.HatsId });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var view = (await moved.Content.ReadAsync<ChatView>())!;
        Assert.Equal((ChatStatus.Waiting, world.HatsId, (string?)null), (view.Status, view.DepartmentId, view.ExpertName));

        // The shopper reads where the chat went and waits again.
        await chat.ShopperHub.NextAsync<MessageView>(ChatHubEvents.MessageReceived, m => m.Sender == MessageSender.System && m.Text == "Moved to Hats.");
        await chat.ShopperHub.NextAsync<ChatView>(ChatHubEvents.ChatChanged, c => c.Status == ChatStatus.Waiting && c.DepartmentId == world.HatsId);
        await shoeExpert.Hub.NextAsync<ChatView>(ChatHubEvents.ChatChanged, c => c.Id == chat.Id && c.Status == ChatStatus.Waiting);

        // Only the hat expert is offered it (the shoe expert serves no hats), and they get the history.
        var offer = await hatExpert.Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived, o => o.ChatId == chat.Id);
        Assert.Equal(("Hats", OfferKind.Routing), (offer.Department, offer.Kind));
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.ChatOffers.CountAsync(o => o.ChatId == chat.Id && o.StaffMemberId == shoeExpert.Person.Id && o.Status == OfferStatus.Pending)));
        (await hatExpert.Api.PostAsync($"/api/v1/expert/offers/{offer.OfferId}/claim", null)).EnsureSuccessStatusCode();
        await chat.ShopperHub.NextAsync<ChatView>(ChatHubEvents.ChatChanged, c => c.Status == ChatStatus.Active && c.ExpertName == "Expert 02");
        var history = await hatExpert.Api.GetJsonAsync<List<MessageView>>($"/api/v1/expert/chats/{chat.Id}/messages");
        Assert.Contains(history!, m => m.Text == "Actually I need a sun hat.");
        Assert.Contains(history!, m => m.Text == "Moved to Hats.");
        Assert.Contains(history!, m => m.Text == "Expert 01 joined the chat.");
        (await hatExpert.Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/messages", new { text = "Straw or felt?" })).EnsureSuccessStatusCode();
        await chat.ShopperHub.NextAsync<MessageView>(ChatHubEvents.MessageReceived, m => m.Text == "Straw or felt?");
        Assert.Equal(HttpStatusCode.NotFound, (await shoeExpert.Api.PostAsJsonAsync($"/api/v1/expert/chats/{chat.Id}/messages", new { text = "Hello?" })).StatusCode);
    }

    [Fact]
    public async Task A_support_person_moves_a_waiting_chat_and_it_goes_to_the_other_departments_experts_at_once()
    {
        var (world, experts) = await HandoverScenario.TeamOnlineAsync(factory, 2, s => s.NumberOfWaves = 5);
        await using var _ = new Sessions(experts);
        await HandoverScenario.AddHatTeamAsync(factory, world, experts[1].Person.Id);
        var (_, chat) = await RoutingScenario.ChatAsync(factory, world);
        factory.Clock.Advance(TimeSpan.FromSeconds(5));

        var moved = await HandoverScenario.AsAsync(factory, world, h => h.MoveAsync(HandoverScenario.Support(), chat.Id, world.HatsId));

        Assert.True(moved.Succeeded, moved.Message);
        var offer = await experts[1].Hub.NextAsync<OfferView>(ChatHubEvents.OfferReceived, o => o.ChatId == chat.Id && o.Department == "Hats");
        var stored = await HandoverScenario.ChatAsync(factory, world, chat.Id);
        Assert.Equal((1, factory.Clock.GetUtcNow(), world.HatsId), (stored.WavesSent, stored.QueuedAt, stored.DepartmentId));
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.ChatOffers.CountAsync(o => o.ChatId == chat.Id && o.Status == OfferStatus.Pending && o.Id != offer.OfferId)));
    }

    [Fact]
    public async Task A_bad_department_gets_a_field_problem_and_changes_nothing()
    {
        var (world, experts) = await HandoverScenario.TeamOnlineAsync(factory, 1);
        await using var _ = new Sessions(experts);
        await using var chat = await HandoverScenario.HeldChatAsync(factory, world, experts[0], experts);
        var move = $"/api/v1/expert/chats/{chat.Id}/move";
        await factory.InMerchantAsync(world.MerchantId, db => db.Departments.Where(d => d.Id == world.HatsId).ExecuteUpdateAsync(s => s.SetProperty(d => d.IsArchived, true)));

        var cases = new (object Body, string Error)[]
        {
            (new { }, "Choose a department from the list."),
            (new { departmentId = Guid.NewGuid() }, "Choose a department from the list."),
            (new { departmentId = world.ShoesId }, "The chat is already in this department."),
            (new { departmentId = world.HatsId }, "Choose an active department."),
        };
        foreach (var (body, error) in cases)
        {
            var refused = await experts[0].Api.PostAsJsonAsync(move, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(error, Assert.Single((await refused.Content.ReadAsync<ValidationProblemDetails>())!.Errors["departmentId"]));
        }

        var stored = await HandoverScenario.ChatAsync(factory, world, chat.Id);
        Assert.Equal((ChatStatus.Active, world.ShoesId, experts[0].Person.Id), (stored.Status, stored.DepartmentId, stored.ExpertId!.Value));
        Assert.Equal(0, await factory.InMerchantAsync(world.MerchantId, db => db.ChatMessages.CountAsync(m => m.ChatId == chat.Id && m.Text.StartsWith("Moved"))));
    }

    [Fact]
    public async Task A_store_manager_of_another_store_cannot_move_the_chat()
    {
        var (world, experts) = await HandoverScenario.TeamOnlineAsync(factory, 1);
        await using var _ = new Sessions(experts);
        await using var chat = await HandoverScenario.HeldChatAsync(factory, world, experts[0], experts);

        var refused = await HandoverScenario.AsAsync(factory, world, h => h.MoveAsync(HandoverScenario.StoreManager(world, Guid.NewGuid()), chat.Id, world.HatsId));
        var allowed = await HandoverScenario.AsAsync(factory, world, h => h.MoveAsync(HandoverScenario.StoreManager(world), chat.Id, world.HatsId));

        Assert.Equal(ChatProblemKind.NotFound, refused.Problem);
        Assert.True(allowed.Succeeded, allowed.Message);
    }
}
