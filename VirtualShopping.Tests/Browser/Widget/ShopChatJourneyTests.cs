using System.Text.Json;
using Microsoft.Playwright;
using VirtualShopping.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace VirtualShopping.Tests.Browser.Widget;

/// <summary>
/// A shopper on the demo shop chats with Sam Taylor, who answers through the Store App API: the whole journey
/// in a real browser, with axe-core run in the page and the chat's frame in every state.
/// </summary>
[Collection(WidgetBrowserTests.Name)]
public sealed class ShopChatJourneyTests(WidgetBrowserFixture world)
{
    [Fact]
    public async Task A_shopper_chats_with_an_expert_from_the_demo_shop_and_keeps_the_conversation_across_reload_and_pages()
    {
        await using var expert = await world.DemoExpertOnlineAsync();
        var page = await world.ShopperPageAsync(Desktop);
        var widget = new ChatWidget(page);

        await page.GotoAsync(world.ShopUrl("/products/trail-runner-gtx"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to bag" }).ClickAsync();
        await Expect(widget.Launcher).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "launcher");
        await widget.ScreenshotAsync("widget-launcher-desktop");

        await widget.OpenAsync();
        await Expect(widget.Heading("What are you shopping for today?")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "needs selector");
        await widget.ScreenshotAsync("widget-needs-selector");

        await widget.Button("Footwear").ClickAsync();
        await Expect(widget.Button("Start chat")).ToBeVisibleAsync();
        await widget.ScreenshotAsync("widget-details-form");
        await widget.StartWithDetailsAsync("Olivia", "olivia@example.com");
        await Axe.AssertNoViolationsAsync(page, "waiting");
        await widget.ScreenshotAsync("widget-waiting");

        var chat = await expert.ClaimNextOfferAsync();
        var chatId = chat.GetProperty("id").GetGuid();
        Assert.Equal("Olivia", chat.GetProperty("shopperName").GetString());
        await Expect(widget.Log).ToContainTextAsync("Sam Taylor");

        await expert.SendAsync(chatId, "Hi Olivia! Which size are you after?");
        await Expect(widget.Log.GetByText("Hi Olivia! Which size are you after?")).ToBeVisibleAsync();
        await widget.SendAsync("A UK 8 please 👟");
        var fromShopper = await expert.NextMessageAsync(m => m.GetProperty("sender").GetString() == "Shopper");
        Assert.Equal("A UK 8 please 👟", fromShopper.GetProperty("text").GetString());
        await Axe.AssertNoViolationsAsync(page, "conversation");

        // A reload: the same conversation, every message once, the panel open again.
        await page.ReloadAsync();
        await Expect(widget.Log.GetByText("A UK 8 please 👟")).ToBeVisibleAsync();
        Assert.Equal(1, await widget.CountInLogAsync("Hi Olivia! Which size are you after?"));
        Assert.Equal(1, await widget.CountInLogAsync("A UK 8 please 👟"));

        // Another page of the shop: still the same conversation, and what the expert says meanwhile arrives once.
        await page.GetByRole(AriaRole.Link, new() { Name = "Bag (1)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your bag" })).ToBeVisibleAsync();
        await expert.SendAsync(chatId, "Manchester has two pairs in UK 8.");
        await Expect(widget.Log.GetByText("Manchester has two pairs in UK 8.")).ToBeVisibleAsync();
        Assert.Equal(1, await widget.CountInLogAsync("Hi Olivia! Which size are you after?"));
        Assert.Equal(1, await widget.CountInLogAsync("A UK 8 please 👟"));
        Assert.Equal(1, await widget.CountInLogAsync("Manchester has two pairs in UK 8."));
        var history = await expert.MessagesAsync(chatId);
        Assert.Single(history.EnumerateArray(), m => m.GetProperty("text").GetString() == "A UK 8 please 👟");

        // The shopper ends the chat, rates it, and can start again.
        await widget.Button("End chat").ClickAsync();
        await Expect(widget.Frame.GetByText("End this chat?")).ToBeVisibleAsync();
        await widget.Button("End chat").ClickAsync();
        await Expect(widget.Frame.GetByText("Rate this chat")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "rating");
        await widget.Frame.GetByRole(AriaRole.Radio, new() { Name = "5 stars" }).CheckAsync();
        await widget.Frame.GetByLabel("Comment (optional)").FillAsync("Quick and friendly.");
        await widget.ScreenshotAsync("widget-rating");
        await widget.Button("Send rating").ClickAsync();
        await Expect(widget.Frame.GetByText("Thank you")).ToBeVisibleAsync();
        var rated = await world.App.InMerchantAsync(world.DemoMerchantId, db => Task.FromResult(db.Chats.Single(c => c.Id == chatId)));
        Assert.Equal(5, rated.Rating);
        Assert.Equal("Quick and friendly.", rated.RatingComment);
        await widget.Button("Start a new chat").ClickAsync();
        await Expect(widget.Heading("What are you shopping for today?")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_live_widget_sends_its_messages_over_the_hub_connection_it_holds_without_an_http_request()
    {
        await using var expert = await world.DemoExpertOnlineAsync();
        var page = await world.ShopperPageAsync();
        var widget = new ChatWidget(page);
        var posts = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var hubSends = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var catchUpAsked = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.Contains("/messages", StringComparison.Ordinal))
            {
                posts.Enqueue(request.Url);
            }
        };
        page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) =>
        {
            if (frame.Text?.Contains("\"SendMessage\"", StringComparison.Ordinal) == true)
            {
                hubSends.Enqueue(frame.Text);
            }

            if (frame.Text?.Contains("\"MessagesSince\"", StringComparison.Ordinal) == true)
            {
                Interlocked.Exchange(ref catchUpAsked, 1);
            }
        };

        // The widget is live once its catch-up (MessagesSince over the hub, and the chat's view over REST) is answered.
        page.Response += (_, response) =>
        {
            if (Volatile.Read(ref catchUpAsked) == 1 && response.Request.Method == "GET" && System.Text.RegularExpressions.Regex.IsMatch(response.Url, "/chats/[0-9a-f-]{36}$"))
            {
                caughtUp.TrySetResult();
            }
        };
        await page.GotoAsync(world.ShopUrl());
        await widget.OpenAsync();
        await widget.StartChatAsync("Menswear");
        await expert.ClaimNextOfferAsync();
        await Expect(widget.Log).ToContainTextAsync("Sam Taylor");
        await caughtUp.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

        await widget.SendAsync("Do the Fjord boots run small?");

        var received = await expert.NextMessageAsync(m => m.GetProperty("sender").GetString() == "Shopper");
        Assert.Equal("Do the Fjord boots run small?", received.GetProperty("text").GetString());
        await Expect(widget.Log.GetByText("Do the Fjord boots run small?")).ToBeVisibleAsync();
        Assert.Equal(1, await widget.CountInLogAsync("Do the Fjord boots run small?"));
        Assert.Contains(hubSends, frame => frame.Contains("Do the Fjord boots run small?", StringComparison.Ordinal));
        Assert.Empty(posts);
    }

    [Fact]
    public async Task Typing_and_read_state_go_both_ways()
    {
        await using var expert = await world.DemoExpertOnlineAsync();
        var page = await world.ShopperPageAsync();
        var widget = new ChatWidget(page);
        await page.GotoAsync(world.ShopUrl());
        await widget.OpenAsync();
        await widget.StartChatAsync("Menswear");
        var chatId = (await expert.ClaimNextOfferAsync()).GetProperty("id").GetGuid();
        await Expect(widget.Log).ToContainTextAsync("Sam Taylor");

        // The expert types: the shopper sees it.
        await expert.TypingAsync(chatId);
        await Expect(widget.Frame.GetByText("Sam Taylor is typing…")).ToBeVisibleAsync();

        // The shopper types: the expert is told.
        await widget.Composer.PressSequentiallyAsync("Is the Fjord");
        var typing = await expert.Hub.NextAsync<JsonElement>("typing");
        Assert.Equal(chatId, typing.GetProperty("chatId").GetGuid());
        Assert.Equal("Shopper", typing.GetProperty("sender").GetString());

        // The shopper's message, read by the expert, shows "Seen".
        await widget.Composer.FillAsync("Is the Fjord warm enough for Lapland?");
        await widget.Button("Send").ClickAsync();
        var sent = await expert.NextMessageAsync(m => m.GetProperty("sender").GetString() == "Shopper");
        await Expect(widget.Frame.GetByText("Seen", new() { Exact = true })).ToHaveCountAsync(0);
        await expert.MarkReadAsync(chatId, sent.GetProperty("sequence").GetInt32());
        await Expect(widget.Frame.GetByText("Seen", new() { Exact = true })).ToBeVisibleAsync();

        // The expert's message, shown in the open panel, is read by the shopper.
        var answer = await expert.SendAsync(chatId, "Down to minus 15, with a base layer.");
        var read = await expert.Hub.NextAsync<JsonElement>("read", r => r.GetProperty("sequence").GetInt32() >= answer.GetProperty("sequence").GetInt32());
        Assert.Equal("Shopper", read.GetProperty("reader").GetString());
    }

    [Fact]
    public async Task The_expert_sees_the_shoppers_cart_change_during_the_chat_and_the_shopper_does_not()
    {
        await using var expert = await world.DemoExpertOnlineAsync();
        var page = await world.ShopperPageAsync();
        var widget = new ChatWidget(page);
        await page.GotoAsync(world.ShopUrl("/products/fjord-down-jacket"));
        await widget.OpenAsync();
        await widget.StartChatAsync("Menswear");
        var chatId = (await expert.ClaimNextOfferAsync()).GetProperty("id").GetGuid();
        await Expect(widget.Log).ToContainTextAsync("Sam Taylor");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add to bag" }).ClickAsync();

        var cart = await expert.NextMessageAsync(m => m.GetProperty("kind").GetString() == "Cart");
        Assert.Equal(chatId, cart.GetProperty("chatId").GetGuid());
        Assert.Equal("Add", cart.GetProperty("cart").GetProperty("action").GetString());
        Assert.Equal("Fjord Down Jacket", cart.GetProperty("cart").GetProperty("products")[0].GetProperty("name").GetString());
        Assert.Equal(229, cart.GetProperty("cart").GetProperty("subtotal").GetDecimal());
        Assert.Equal("GBP", cart.GetProperty("cart").GetProperty("currency").GetString());
        await expert.SendAsync(chatId, "Good choice: it packs into its own pocket.");
        await Expect(widget.Log.GetByText("Good choice: it packs into its own pocket.")).ToBeVisibleAsync();
        await Expect(widget.Log).Not.ToContainTextAsync("Fjord Down Jacket");
    }

    [Fact]
    public async Task Photos_go_both_ways_when_the_merchant_allows_them()
    {
        await using var expert = await world.DemoExpertOnlineAsync();
        var page = await world.ShopperPageAsync(Desktop);
        var widget = new ChatWidget(page);
        await page.GotoAsync(world.ShopUrl());
        await widget.OpenAsync();
        await widget.StartChatAsync("Womenswear", "Olivia");
        var chatId = (await expert.ClaimNextOfferAsync()).GetProperty("id").GetGuid();
        await Expect(widget.Log).ToContainTextAsync("Sam Taylor");
        var coat = await PhotoAsync(page, "#a8693f");

        await widget.Frame.GetByLabel("Attach photo or video").And(widget.Frame.Locator("input[type=file]")).SetInputFilesAsync(new FilePayload { Name = "coat.png", MimeType = "image/png", Buffer = coat });
        var photo = await expert.NextMessageAsync(m => m.GetProperty("kind").GetString() == "Attachment");
        Assert.Equal("image/png", photo.GetProperty("attachment").GetProperty("contentType").GetString());
        await Expect(widget.Log.Locator("img[src^='blob:']")).ToHaveCountAsync(1);

        using var fromExpert = await expert.SendAttachmentAsync(chatId, await PhotoAsync(page, "#2f3e5c"), "in-store.png", "image/png");
        Assert.Equal(System.Net.HttpStatusCode.Created, fromExpert.StatusCode);
        await Expect(widget.Log.Locator("img[src^='blob:']")).ToHaveCountAsync(2);

        await expert.SendAsync(chatId, "Lovely coat! We have it in navy too, in your size.");
        await Expect(widget.Log.GetByText("Lovely coat! We have it in navy too, in your size.")).ToBeVisibleAsync();
        await page.Frames.Single(f => f.Url.Contains("/widget/frame", StringComparison.Ordinal))
            .WaitForFunctionAsync("() => [...document.querySelectorAll('[role=log] img')].every(i => i.complete && i.naturalWidth > 0)");
        await widget.ScreenshotAsync("widget-conversation");
    }

    [Fact]
    public async Task Where_the_merchant_takes_no_photos_the_shopper_has_no_way_to_attach_one()
    {
        var noPhotos = await world.NewMerchantAsync(chat: s => s.PhotoAndVideoSending = false);
        await using var other = await world.ExpertOnlineAsync(noPhotos);
        var second = await world.ShopperPageAsync();
        var secondWidget = new ChatWidget(second);
        await second.GotoAsync(world.Hosts.Url("/bare", noPhotos.WidgetKey));
        await secondWidget.OpenAsync();
        await secondWidget.StartChatAsync("Shoes");
        await other.ClaimNextOfferAsync();
        await Expect(secondWidget.Composer).ToBeVisibleAsync();
        await Expect(secondWidget.Frame.GetByLabel("Attach photo or video")).ToHaveCountAsync(0);
    }

    /// <summary>The viewport the screenshots for reviewers are taken at.</summary>
    private static readonly ViewportSize Desktop = new() { Width = 1400, Height = 900 };

    /// <summary>A 320×240 PNG of a coat in the colour given, drawn by the browser, so the conversation shows a real-looking photo.</summary>
    private static async Task<byte[]> PhotoAsync(IPage page, string colour) => Convert.FromBase64String(await page.EvaluateAsync<string>("""
        colour => {
          const c = document.createElement('canvas');
          c.width = 320; c.height = 240;
          const g = c.getContext('2d');
          const wall = g.createLinearGradient(0, 0, 0, 240);
          wall.addColorStop(0, '#eef1f4'); wall.addColorStop(1, '#c3ccd3');
          g.fillStyle = wall; g.fillRect(0, 0, 320, 240);
          g.fillStyle = colour;
          g.beginPath(); g.moveTo(135, 30); g.lineTo(185, 30); g.lineTo(220, 65); g.lineTo(212, 215); g.lineTo(108, 215); g.lineTo(100, 65); g.closePath(); g.fill();
          g.fillStyle = '#e8dcc0'; g.fillRect(158, 38, 4, 177);
          return c.toDataURL('image/png').split(',')[1];
        }
        """, colour));
}
