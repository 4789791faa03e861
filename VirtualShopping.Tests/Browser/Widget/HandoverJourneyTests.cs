using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;
using static Microsoft.Playwright.Assertions;

namespace VirtualShopping.Tests.Browser.Widget;

/// <summary>
/// The shopper's side of a handover in a real browser: a chat reassigned to another expert shows the new expert,
/// and a chat moved to another department waits again and says where it went, history kept.
/// </summary>
[Collection(WidgetBrowserTests.Name)]
public sealed class HandoverJourneyTests(WidgetBrowserFixture world)
{
    [Fact]
    public async Task The_shopper_sees_the_new_expert_after_a_reassignment_and_the_move_to_another_department()
    {
        var merchant = await world.NewMerchantAsync(storeApp: s => s.NumberOfWaves = 1, experts: 2);
        await using var first = await world.ExpertOnlineAsync(merchant, 0);
        await using var second = await world.ExpertOnlineAsync(merchant, 1);
        var page = await world.ShopperPageAsync();
        var widget = new ChatWidget(page);
        await page.GotoAsync(world.Hosts.Url("/bare", merchant.WidgetKey));
        await widget.OpenAsync();
        await widget.StartChatAsync("Shoes", "Amir");
        var chatId = (await first.ClaimNextOfferAsync()).GetProperty("id").GetGuid();
        await Expect(widget.Heading("Chat with Expert 01")).ToBeVisibleAsync();
        await first.SendAsync(chatId, "Hello Amir, which size?");
        await Expect(widget.Log.GetByText("Hello Amir, which size?")).ToBeVisibleAsync();

        // Reassigned: the second expert accepts the transfer with the Store App's claim call.
        var asked = await first.Client.PostAsJsonAsync($"/api/v1/expert/chats/{chatId}/transfer", new { toStaffMemberId = merchant.Experts[1].Id });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var transfer = await second.Hub.NextAsync<JsonElement>(ChatHubEvents.OfferReceived, o => o.GetProperty("kind").GetString() == "Transfer");
        (await second.Client.PostAsync($"/api/v1/expert/offers/{transfer.GetProperty("offerId").GetGuid()}/claim", null)).EnsureSuccessStatusCode();

        await Expect(widget.Heading("Chat with Expert 02")).ToBeVisibleAsync();
        await Expect(widget.Log.GetByText("Expert 02 took over the chat from Expert 01.")).ToBeVisibleAsync();
        await Expect(widget.Log.GetByText("Expert 02 from Regent Street joined")).ToHaveCountAsync(0);
        Assert.Equal(1, await widget.CountInLogAsync("Hello Amir, which size?"));
        await second.SendAsync(chatId, "I'll take it from here.");
        await Expect(widget.Log.GetByText("I'll take it from here.")).ToBeVisibleAsync();
        await widget.SendAsync("Size 42 please");
        await second.NextMessageAsync(m => m.GetProperty("text").GetString() == "Size 42 please");
        await widget.ScreenshotAsync("widget-after-reassignment");

        // Moved to Hats: the shopper waits again and reads why.
        (await second.Client.PostAsJsonAsync($"/api/v1/expert/chats/{chatId}/move", new { departmentId = merchant.HatsId })).EnsureSuccessStatusCode();
        await Expect(widget.Heading("Waiting for an expert")).ToBeVisibleAsync();
        await Expect(widget.Frame.GetByText("Moved to Hats.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "waiting after a move");
        await widget.ScreenshotAsync("widget-moved");
    }
}
