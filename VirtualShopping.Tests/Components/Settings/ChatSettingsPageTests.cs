using Bunit;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Settings.Pages;

namespace VirtualShopping.Tests.Components.Settings;

public sealed class ChatSettingsPageTests : DashboardTestContext
{
    [Fact]
    public void The_preview_uses_the_current_primary_colour_and_greeting()
    {
        var page = Render<ChatSettingsPage>();

        page.WaitForAssertion(() => Assert.Contains("background: #3F3A8C", page.Find("[data-testid=widget-preview-header]").GetAttribute("style"), StringComparison.Ordinal));
        Assert.Contains("Hi! Chat with an expert", page.Find("[data-testid=widget-preview]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embed_snippets_define_the_queue_stub_and_load_the_loader_from_the_public_address()
    {
        var page = Render<ChatSettingsPage>();
        page.WaitForElement(".mud-tab");
        page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Embed").Click();

        const string stub = "window.vs = window.vs || function () { (window.vs.q = window.vs.q || []).push(arguments); };";
        var html = page.WaitForElement("#snippet-html").GetAttribute("value");
        var tagManager = page.Find("#snippet-gtm").GetAttribute("value");

        // Built from App:PublicBaseUrl, not from the address this page was requested at (bUnit's is http://localhost/).
        Assert.Equal(
            $"<script>\n  {stub}\n</script>\n<script src=\"https://chat.example.com/widget/loader.js\" data-key=\"{Merchant.PublicWidgetKey}\" async></script>",
            html);
        Assert.Contains(stub, tagManager, StringComparison.Ordinal);
        Assert.Contains("s.src = 'https://chat.example.com/widget/loader.js';", tagManager, StringComparison.Ordinal);
        Assert.Contains($"s.setAttribute('data-key', '{Merchant.PublicWidgetKey}')", tagManager, StringComparison.Ordinal);
        Assert.True(tagManager!.IndexOf(stub, StringComparison.Ordinal) < tagManager.IndexOf("createElement", StringComparison.Ordinal));

        var csp = page.Find("[data-testid=csp-note]").TextContent;
        Assert.Contains("https://chat.example.com in script-src", csp, StringComparison.Ordinal);
        foreach (var directive in new[] { "connect-src", "frame-src", "img-src" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_plain_http_privacy_url_is_refused_and_nothing_is_saved()
    {
        var providers = RenderProviders();
        var page = Render<ChatSettingsPage>();
        page.WaitForElement("#privacy-url").Change("http://www.example.com/privacy");

        page.Find("[data-testid=save-settings]").Click();

        page.WaitForAssertion(() => Assert.Contains("Enter a full https:// address", page.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.False(await db.ChatSettings.AnyAsync());
    }

    [Fact]
    public async Task Allowed_origins_are_saved_normalised_one_per_line()
    {
        var providers = RenderProviders();
        var page = Render<ChatSettingsPage>();
        page.WaitForElement("#allowed-origins").Change("https://www.Example.com/\nhttps://shop.example.com");

        page.Find("[data-testid=save-settings]").Click();

        providers.WaitForAssertion(() => Assert.Contains("On-site chat settings saved", providers.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(["https://www.example.com", "https://shop.example.com"], (await db.ChatSettings.SingleAsync()).AllowedOrigins);
    }
}
