using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// The chat widget on a host page, found the way people find it: by the contract's roles and accessible names
/// (the launcher in the loader's shadow root, the panel in the app's iframe).
/// </summary>
public sealed class ChatWidget
{
    private readonly IPage page;

    public ChatWidget(IPage page) => this.page = page;

    public IPage Page => page;

    public ILocator Launcher => page.GetByRole(AriaRole.Button, new() { Name = "Open chat", Exact = true });

    public IFrameLocator Frame => page.FrameLocator("iframe[src*='/widget/frame']");

    public ILocator FrameElement => page.Locator("iframe[src*='/widget/frame']");

    public ILocator Panel => Frame.GetByRole(AriaRole.Dialog);

    public ILocator Log => Frame.GetByRole(AriaRole.Log);

    public ILocator Composer => Frame.GetByRole(AriaRole.Textbox, new() { Name = "Message", Exact = true });

    public ILocator Button(string name) => Frame.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Heading(string name) => Frame.GetByRole(AriaRole.Heading, new() { Name = name });

    public ILocator Field(string label) => Frame.GetByLabel(label, new() { Exact = true });

    public async Task OpenAsync()
    {
        await Expect(Launcher).ToBeVisibleAsync();
        await Launcher.ClickAsync();
        await Expect(Panel).ToBeVisibleAsync();
        await Expect(Frame.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToBeVisibleAsync();
    }

    /// <summary>Picks a need, fills the optional details and starts the chat; ends on the waiting state.</summary>
    public async Task StartChatAsync(string department, string? name = null, string? email = null)
    {
        await Button(department).ClickAsync();
        await StartWithDetailsAsync(name, email);
    }

    /// <summary>On the details form: fills the optional details and starts the chat; ends on the waiting state.</summary>
    public async Task StartWithDetailsAsync(string? name = null, string? email = null)
    {
        if (name is not null)
        {
            await Field("Your name").FillAsync(name);
        }

        if (email is not null)
        {
            await Field("Your email").FillAsync(email);
        }

        await Button("Start chat").ClickAsync();
        await Expect(Heading("Waiting for an expert")).ToBeVisibleAsync();
    }

    /// <summary>Saves a screenshot of what the shopper sees (the viewport) when VS_SCREENSHOT_DIR is set.</summary>
    public Task ScreenshotAsync(string name) => BrowserAppFixture.ScreenshotAsync(page, name, fullPage: false);

    public async Task SendAsync(string text)
    {
        await Composer.FillAsync(text);
        await Button("Send").ClickAsync();
    }

    /// <summary>How many entries of the conversation log hold exactly this text (duplicates show as 2).</summary>
    public Task<int> CountInLogAsync(string text) => Log.GetByText(text, new() { Exact = true }).CountAsync();

    /// <summary>Every cookie and every origin's localStorage the browser holds for this page's context.</summary>
    public async Task<JsonElement> StorageAsync()
    {
        var state = await page.Context.StorageStateAsync();
        return JsonDocument.Parse(state).RootElement.Clone();
    }
}
