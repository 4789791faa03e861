using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// A staff member working in the dashboard's web inbox, in a browser context of their own (their own cookies and
/// circuit), found only by the inbox contract's test ids and accessible names: the availability switch, offer
/// cards, the conversation, the composer (note mode too) and the reassign dialog.
/// </summary>
public sealed partial class InboxAgent : IAsyncDisposable
{
    private InboxAgent(IPage page) => Page = page;

    public IPage Page { get; }

    /// <summary>The checkbox behind the switch.</summary>
    public ILocator AvailabilityInput => Page.Locator("input[data-testid=availability-switch], [data-testid=availability-switch] input");

    public ILocator Offers => Page.GetByTestId("offer-card");

    /// <summary>The conversation shown now (the page shows one at a time).</summary>
    public ILocator Conversation => Page.GetByTestId("conversation");

    public ILocator Messages => Conversation.GetByTestId("message");

    /// <summary>The composer's text box (the test id on the textarea itself or on MudTextField's wrapper).</summary>
    public ILocator Composer => Conversation.Locator(
        ":is(textarea, input)[data-testid=composer-input], [data-testid=composer-input] :is(textarea, input):not([type=hidden])");

    public ILocator SendButton => Conversation.GetByTestId("composer-send");

    public ILocator NoteToggle => Conversation.GetByTestId("composer-note-toggle");

    public ILocator TypingIndicator => Conversation.GetByTestId("typing-indicator");

    /// <summary>Signs in through the real sign-in form in a fresh context.</summary>
    public static async Task<InboxAgent> SignInAsync(IBrowser browser, string appBaseUrl, string email, string password, ViewportSize? viewport = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = appBaseUrl,
            ViewportSize = viewport ?? new ViewportSize { Width = 1400, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return new InboxAgent(page);
    }

    /// <summary>Opens /inbox (with a query such as "?view=inprogress&amp;chat=…") and waits until the circuit is interactive.</summary>
    public async Task OpenInboxAsync(string query = "")
    {
        await Page.GotoAsync("/inbox" + query);
        await BrowserAppFixture.WaitUntilInteractiveAsync(Page);
        await Expect(Page.Locator("[data-testid^=inbox-view-]").First).ToBeVisibleAsync();
    }

    /// <summary>Turns the app bar's switch to Available (if it is not) and waits until the server says so.</summary>
    public async Task GoAvailableAsync()
    {
        await Expect(AvailabilityInput).ToBeAttachedAsync();
        if (!await AvailabilityInput.IsCheckedAsync())
        {
            await AvailabilityInput.ClickAsync();
        }

        await Expect(AvailabilityInput).ToBeCheckedAsync();

        // The label changes when the server has stored it (the checkbox itself flips at the click).
        await Expect(Page.Locator(".availability-switch")).ToHaveTextAsync(AvailableLabel());
    }

    /// <summary>The offer cards for this shopper (the strip and the New view may both show one).</summary>
    public ILocator OfferFor(string shopper) => Offers.Filter(new() { Has = Page.GetByTestId("offer-shopper").GetByText(shopper) });

    public ILocator OfferForChat(Guid chatId) => Page.Locator($"[data-testid=offer-card][data-chat-id='{chatId}']");

    public ILocator ConversationOf(Guid chatId) => Page.Locator($"[data-testid=conversation][data-chat-id='{chatId}']");

    /// <summary>Messages of the open conversation holding this text, from this sender (Shopper, Expert, System) when given.</summary>
    public ILocator Message(string text, string? sender = null) =>
        (sender is null ? Messages : Conversation.Locator($"[data-testid=message][data-sender={sender}]")).Filter(new() { HasText = text });

    /// <summary>Waits for the shopper's offer, claims it and waits for the conversation; returns the chat's id.</summary>
    public async Task<Guid> ClaimAsync(string shopper)
    {
        var card = OfferFor(shopper).First;
        await Expect(card).ToBeVisibleAsync();
        var chatId = Guid.Parse((await card.GetAttributeAsync("data-chat-id"))!);
        await Expect(card.GetByTestId("offer-claim")).ToContainTextAsync("Claim");
        await card.GetByTestId("offer-claim").ClickAsync();
        await OpenClaimedAsync(chatId);
        return chatId;
    }

    /// <summary>Accepts the reassignment of the shopper's chat offered to this expert; returns the chat's id.</summary>
    public async Task<Guid> AcceptTransferAsync(string shopper)
    {
        var card = OfferFor(shopper).First;
        await Expect(card).ToBeVisibleAsync();
        var chatId = Guid.Parse((await card.GetAttributeAsync("data-chat-id"))!);
        await Expect(card.GetByTestId("offer-claim")).ToContainTextAsync("Accept");
        await card.GetByTestId("offer-claim").ClickAsync();
        await OpenClaimedAsync(chatId);
        return chatId;
    }

    /// <summary>
    /// Clicks the chat's Claim button right now from inside the page (no waiting, no actionability checks), so two
    /// experts can press it at the same instant; false when the card was already gone.
    /// </summary>
    public Task<bool> ClickClaimNowAsync(Guid chatId) => Page.EvaluateAsync<bool>(
        """
        chatId => {
          const button = document.querySelector(`[data-testid=offer-card][data-chat-id="${chatId}"] [data-testid=offer-claim]`);
          if (!button) { return false; }
          button.click();
          return true;
        }
        """,
        chatId.ToString());

    /// <summary>
    /// Starts noting, in the page, whether this text ever shows (a snackbar hides itself after a few seconds, maybe
    /// before a busy test looks); <see cref="WaitUntilShownAsync"/> then waits for it to have shown.
    /// </summary>
    public Task WatchForTextAsync(string text) => Page.EvaluateAsync(
        """
        text => {
          window.__vsShown = false;
          const check = () => { if (document.body.textContent.includes(text)) { window.__vsShown = true; } };
          check();
          new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """,
        text);

    public Task WaitUntilShownAsync() => Page.WaitForFunctionAsync("() => window.__vsShown === true");

    /// <summary>Opens a conversation by its row in the list (waiting for the row to show).</summary>
    public async Task OpenRowAsync(Guid chatId)
    {
        var row = Page.Locator($"[data-testid=inbox-row][data-chat-id='{chatId}']").First;
        await row.ClickAsync();
        await Expect(ConversationOf(chatId)).ToBeVisibleAsync();
    }

    /// <summary>Types into the composer key by key (so typing is signalled), without sending.</summary>
    public async Task TypeAsync(string text)
    {
        await Composer.ClickAsync();
        await Composer.PressSequentiallyAsync(text);
    }

    /// <summary>Sends a normal message (leaving note mode first) and waits until it shows as the expert's.</summary>
    public async Task SendAsync(string text)
    {
        await SetNoteModeAsync(false);
        await Composer.FillAsync(text);
        await Expect(SendButton).ToBeEnabledAsync();
        await SendButton.ClickAsync();
        await Expect(Message(text, "Expert").Last).ToBeVisibleAsync();
        await Expect(Message(text, "Expert").Last).ToHaveAttributeAsync("data-kind", "Text");
    }

    /// <summary>Adds an internal note and waits until it shows as a note.</summary>
    public async Task AddNoteAsync(string text)
    {
        await SetNoteModeAsync(true);
        await Composer.FillAsync(text);
        await Expect(SendButton).ToContainTextAsync("Add note");
        await SendButton.ClickAsync();
        await Expect(Conversation.Locator("[data-testid=message][data-kind=Note]").Filter(new() { HasText = text })).ToBeVisibleAsync();
    }

    /// <summary>Turns the composer's note mode on or off (the toggle's aria-pressed says which).</summary>
    public async Task SetNoteModeAsync(bool on)
    {
        await Expect(NoteToggle).ToBeVisibleAsync();
        if (await NoteToggle.GetAttributeAsync("aria-pressed") != (on ? "true" : "false"))
        {
            await NoteToggle.ClickAsync();
        }

        await Expect(NoteToggle).ToHaveAttributeAsync("aria-pressed", on ? "true" : "false");
        await Expect(Page.GetByRole(AriaRole.Textbox, new() { Name = on ? "Internal note" : "Message", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Reassigns the open conversation to a teammate through the dialog.</summary>
    public async Task ReassignAsync(Guid staffId)
    {
        await ConversationActionAsync("action-reassign");
        var option = Page.Locator($"[data-testid=reassign-option][data-staff-id='{staffId}']");
        await option.ClickAsync();
        await Page.GetByTestId("dialog-confirm").ClickAsync();
        await Expect(Page.GetByTestId("dialog-confirm")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Clicks one of the conversation's actions: buttons in the header, or items of the "Conversation actions" menu
    /// when the pane is narrow (<see cref="Web.Features.Chats.ConversationPane.NarrowBelowPixels"/>) (the pane tells the server its width; the class says it was heard).
    /// </summary>
    public async Task ConversationActionAsync(string testId)
    {
        var narrow = await Conversation.EvaluateAsync<bool>(
            "(e, below) => { const s = getComputedStyle(e); return e.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) < below; }",
            Web.Features.Chats.ConversationPane.NarrowBelowPixels);
        if (narrow)
        {
            await Expect(Conversation).ToHaveClassAsync(NarrowClass());
            await Conversation.Locator("button[aria-label='Conversation actions']").ClickAsync();
            await Page.GetByTestId(testId).ClickAsync();
        }
        else
        {
            await Expect(Conversation).Not.ToHaveClassAsync(NarrowClass());
            await Conversation.GetByTestId(testId).ClickAsync();
        }
    }

    /// <summary>Saves a screenshot when VS_SCREENSHOT_DIR is set.</summary>
    public Task ScreenshotAsync(string name) => BrowserAppFixture.ScreenshotAsync(Page, name, fullPage: false);

    /// <summary>Closes the context: the circuit goes, and with it the inbox connection.</summary>
    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();

    /// <summary>After Claim/Accept: the conversation opens (or, if the page only lists it, its row opens it).</summary>
    private async Task OpenClaimedAsync(Guid chatId)
    {
        var row = Page.Locator($"[data-testid=inbox-row][data-chat-id='{chatId}']").First;
        await Expect(ConversationOf(chatId).Or(row).First).ToBeVisibleAsync();
        if (!await ConversationOf(chatId).IsVisibleAsync())
        {
            await row.ClickAsync();
        }

        await Expect(ConversationOf(chatId)).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"^\s*Available\s*$")]
    private static partial Regex AvailableLabel();

    [GeneratedRegex(@"\bconversation-narrow\b")]
    private static partial Regex NarrowClass();
}
