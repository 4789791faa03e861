using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Shoppers;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Shoppers;

namespace VirtualShopping.Tests.Components.Inbox;

/// <summary>The conversation pane over the real services: Ada's active chat with Oskar (see <see cref="InboxTestContext"/>).</summary>
public sealed class ConversationPaneTests : InboxTestContext
{
    [Fact]
    public async Task A_note_is_added_as_a_note_and_never_posted_to_the_shopper()
    {
        var pane = await RenderPaneAsync(Ada, Oskar);

        pane.Find("[data-testid=composer-note-toggle]").Click();
        Assert.Equal("true", pane.Find("[data-testid=composer-note-toggle]").GetAttribute("aria-pressed"));
        Assert.Equal("Internal note", pane.Find("textarea[data-testid=composer-input]").GetAttribute("aria-label"));
        pane.Find("textarea[data-testid=composer-input]").Input("Ben, he bought the green one last year");
        Assert.Equal("Add note", pane.Find("[data-testid=composer-send]").TextContent.Trim());
        pane.Find("[data-testid=composer-send]").Click();

        pane.WaitForAssertion(() => Assert.Contains("Internal note", Single(pane, "Note").TextContent, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        var stored = await db.ChatMessages.Where(m => m.ChatId == Oskar.Id && m.Text.Contains("green one")).ToListAsync();
        Assert.Equal(MessageKind.Note, Assert.Single(stored).Kind);
        var shopperSees = await Services.GetRequiredService<ChatConversation>().MessagesSinceAsync(Oskar.Id, 0, Oskar.ShopperId, null);
        Assert.DoesNotContain(shopperSees!, m => m.Text.Contains("green one", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reply_is_sent_with_ctrl_enter_and_shows_as_sent_until_the_shopper_reads_it()
    {
        var pane = await RenderPaneAsync(Ada, Oskar);

        pane.Find("textarea[data-testid=composer-input]").Input("Yes, in green and olive.");
        pane.Find("textarea[data-testid=composer-input]").KeyDown(new KeyboardEventArgs { Key = "Enter", CtrlKey = true });

        pane.WaitForAssertion(() => Assert.Equal("Sent", Expert(pane).QuerySelector("[data-testid=message-state]")!.TextContent));
        Assert.Equal("Yes, in green and olive.", Expert(pane).QuerySelector("[data-testid=message-text]")!.TextContent);

        // The message is stored by the message writer's loop (another thread): the pane may show it sent a moment before the composer empties.
        pane.WaitForAssertion(() => Assert.True(string.IsNullOrEmpty(pane.Find("textarea[data-testid=composer-input]").GetAttribute("value"))));

        await Services.GetRequiredService<ChatSignals>().ShopperReadAsync(Oskar.ShopperId, Oskar.Id, 2);

        pane.WaitForAssertion(() => Assert.Equal("Read", Expert(pane).QuerySelector("[data-testid=message-state]")!.TextContent));
    }

    [Fact]
    public async Task The_attach_button_is_there_only_when_the_merchant_allows_photos_and_videos()
    {
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.ChatSettings.Add(new ChatSettings { PhotoAndVideoSending = true });
            await db.SaveChangesAsync();
        }

        var pane = await RenderPaneAsync(Ada, Oskar);
        Assert.Single(pane.FindAll("input[type=file][data-testid=composer-attach]"));

        await using (var db = await Contexts.CreateDbContextAsync())
        {
            await db.ChatSettings.ExecuteUpdateAsync(s => s.SetProperty(c => c.PhotoAndVideoSending, false));
        }

        var disallowed = await RenderPaneAsync(Ada, Oskar);
        Assert.Empty(disallowed.FindAll("[data-testid=composer-attach]"));
        Assert.Single(disallowed.FindAll("textarea[data-testid=composer-input]"));
    }

    [Fact]
    public async Task A_cart_event_names_a_product_of_40_characters_and_hides_one_of_41_live()
    {
        var forty = new string('a', 36) + " Tee";
        var fortyOne = new string('b', 37) + " Boot";
        var pane = await RenderPaneAsync(Ada, Oskar);

        await Services.GetRequiredService<ShopperEventService>().RecordAsync(Oskar.ShopperId, new TrackedEvent
        {
            Type = "add",
            Products = [Product("tee", forty, 20m, 2), Product("boot", fortyOne, 120m, 1)],
        });

        pane.WaitForAssertion(() => Assert.Single(pane.FindAll("[data-testid=cart-event]")));
        var cart = Single(pane, "Cart");
        Assert.Equal([forty, "A product"], cart.QuerySelectorAll("[data-testid=cart-product]").Select(p => p.TextContent));
        Assert.DoesNotContain(fortyOne, pane.Markup, StringComparison.Ordinal);
        Assert.Contains("× 2", cart.TextContent, StringComparison.Ordinal);
        Assert.Equal("Subtotal 160.00 GBP", cart.QuerySelector("[data-testid=cart-subtotal]")!.TextContent);
        Assert.Equal("Added to cart", cart.QuerySelector("[data-testid=cart-action]")!.TextContent);
    }

    [Fact]
    public async Task A_shopper_message_appears_live_and_a_typing_indicator_shows_until_it_times_out()
    {
        var pane = await RenderPaneAsync(Ada, Oskar);
        var signals = Services.GetRequiredService<ChatSignals>();

        await signals.ShopperTypingAsync(Oskar.ShopperId, Oskar.Id);
        pane.WaitForAssertion(() => Assert.Equal("Shopper is typing…", pane.Find("[data-testid=typing-indicator]").TextContent.Trim()));
        Clock.Advance(ConversationPane.TypingShownFor);
        pane.WaitForAssertion(() => Assert.Empty(pane.FindAll("[data-testid=typing-indicator]")));

        await signals.ShopperTypingAsync(Oskar.ShopperId, Oskar.Id);
        pane.WaitForAssertion(() => Assert.Single(pane.FindAll("[data-testid=typing-indicator]")));
        await Services.GetRequiredService<ChatConversation>().PostFromShopperAsync(Oskar.ShopperId, Oskar.Id, "Or in olive?", "c-1");

        pane.WaitForAssertion(() => Assert.Equal("Or in olive?", pane.FindAll("[data-testid=message][data-sender=Shopper] [data-testid=message-text]")[^1].TextContent));
        Assert.Empty(pane.FindAll("[data-testid=typing-indicator]"));
    }

    [Fact]
    public async Task Messages_are_grouped_under_day_separators_in_the_merchants_time_zone()
    {
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.AccountSettings.Add(new AccountSettings { TimeZoneId = "America/New_York" });
            db.ChatMessages.Add(new ChatMessage { ChatId = Oskar.Id, Sequence = 0, Sender = MessageSender.Shopper, Text = "Hello from last night", SentAt = Clock.GetUtcNow().AddHours(-10) });
            await db.SaveChangesAsync();
        }

        var pane = await RenderPaneAsync(Ada, Oskar);

        // Both on Monday in UTC; in New York the first was Sunday evening (20:00) and the second Monday morning.
        Assert.Equal(["Yesterday", "Today"], pane.FindAll("[data-testid=day-separator]").Select(s => s.TextContent.Trim()));
        Assert.Equal("05:59", pane.FindAll("[data-testid=message]")[^1].QuerySelector(".msg-meta")!.TextContent.Split(" · ")[^1].Trim());
    }

    [Fact]
    public async Task Typing_a_slash_opens_the_saved_replies_and_enter_inserts_the_chosen_one()
    {
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.SavedReplies.AddRange(
                new SavedReply { Title = "Returns", Shortcut = "/returns", Text = "You can return anything within 30 days." },
                new SavedReply { Title = "Delivery", Shortcut = "/delivery", Text = "Delivery takes two working days." });
            await db.SaveChangesAsync();
        }

        var pane = await RenderPaneAsync(Ada, Oskar);
        var input = pane.Find("textarea[data-testid=composer-input]");

        input.Input("Sure! /");
        pane.WaitForAssertion(() => Assert.Equal(2, pane.FindAll("[data-testid=saved-reply-option]").Count));
        Assert.Equal("open", pane.Find("textarea[data-testid=composer-input]").GetAttribute("data-suggest"));
        pane.Find("textarea[data-testid=composer-input]").Input("Sure! /ret");
        pane.WaitForAssertion(() => Assert.Single(pane.FindAll("[data-testid=saved-reply-option]")));
        pane.Find("textarea[data-testid=composer-input]").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        pane.WaitForAssertion(() => Assert.Empty(pane.FindAll("[data-testid=saved-reply-menu]")));
        Assert.Equal("Sure! You can return anything within 30 days.", pane.Find("textarea[data-testid=composer-input]").GetAttribute("value"));

        pane.Find("textarea[data-testid=composer-input]").Input("/");
        pane.WaitForAssertion(() => Assert.Equal(2, pane.FindAll("[data-testid=saved-reply-option]").Count));
        pane.Find("textarea[data-testid=composer-input]").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        pane.WaitForAssertion(() => Assert.Empty(pane.FindAll("[data-testid=saved-reply-menu]")));
    }

    [Fact]
    public async Task At_in_a_note_suggests_teammates_and_the_mention_is_highlighted()
    {
        var pane = await RenderPaneAsync(Hana, Oskar);
        if (pane.Find("textarea[data-testid=composer-input]").GetAttribute("aria-label") != "Internal note")
        {
            pane.Find("[data-testid=composer-note-toggle]").Click();
        }

        pane.Find("textarea[data-testid=composer-input]").Input("Ask @be");
        pane.WaitForAssertion(() => Assert.Equal(Ben.Id.ToString(), Assert.Single(pane.FindAll("[data-testid=mention-option]")).GetAttribute("data-staff-id")));
        pane.Find("textarea[data-testid=composer-input]").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        Assert.Equal("Ask @Ben Expert ", pane.Find("textarea[data-testid=composer-input]").GetAttribute("value"));
        pane.Find("textarea[data-testid=composer-input]").Input("Ask @Ben Expert about the olive one");
        pane.Find("[data-testid=composer-send]").Click();

        pane.WaitForAssertion(() => Assert.Equal("@Ben Expert", Single(pane, "Note").QuerySelector("[data-testid=mention]")!.TextContent));
    }

    [Fact]
    public async Task Closing_asks_for_confirmation_first()
    {
        var providers = RenderProviders();
        var pane = await RenderPaneAsync(Ada, Oskar);

        pane.Find("[data-testid=action-close]").Click();

        providers.WaitForAssertion(() => Assert.Single(providers.FindAll("[data-testid=dialog-confirm]")));
        Assert.Equal(ChatStatus.Active, await StatusOfAsync(Oskar));
        providers.Find("[data-testid=dialog-confirm]").Click();

        providers.WaitForAssertion(() => Assert.Contains("Chat closed", providers.Markup, StringComparison.Ordinal));
        Assert.Equal(ChatStatus.Ended, await StatusOfAsync(Oskar));
    }

    [Fact]
    public async Task Another_experts_ended_chat_is_read_only_without_actions()
    {
        var pane = await RenderPaneAsync(Hana, Quinn);

        Assert.Empty(pane.FindAll("[data-testid=action-close]"));
        Assert.Empty(pane.FindAll("[data-testid=action-reassign]"));
        Assert.Empty(pane.FindAll("[data-testid=composer-attach]"));
        Assert.All(pane.FindAll("textarea[data-testid=composer-input]"), t => Assert.Equal("Internal note", t.GetAttribute("aria-label")));
        Assert.Empty(pane.FindAll("[data-testid=shopper-online]"));
    }

    private async Task<ChatStatus> StatusOfAsync(Chat chat)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Chats.Where(c => c.Id == chat.Id).Select(c => c.Status).SingleAsync();
    }

    private static IElement Single(IRenderedComponent<ConversationPane> pane, string kind) => Assert.Single(pane.FindAll($"[data-testid=message][data-kind={kind}]"));

    private static IElement Expert(IRenderedComponent<ConversationPane> pane) => Assert.Single(pane.FindAll("[data-testid=message][data-sender=Expert]"));

    private static TrackedProduct Product(string id, string name, decimal price, int quantity) =>
        new() { Id = id, Name = name, Price = price, Currency = "GBP", Quantity = quantity };
}
