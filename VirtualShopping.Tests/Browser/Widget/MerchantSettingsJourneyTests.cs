using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace VirtualShopping.Tests.Browser.Widget;

/// <summary>
/// What a merchant's On-site chat settings change on a shopper's page of another origin, with the real server
/// behind them: the expert-available display mode, the country restriction, the footer links and the languages.
/// </summary>
[Collection(WidgetBrowserTests.Name)]
public sealed partial class MerchantSettingsJourneyTests(WidgetBrowserFixture world)
{
    /// <summary>Run before the page's own scripts (top document only): the merchant's queue stub with a ready handler.</summary>
    private const string ReadyFlag = """
        if (window === top) {
          window.vs = window.vs || function () { (window.vs.q = window.vs.q || []).push(arguments); };
          vs('on', 'ready', function () { window.vsReady = true; });
        }
        """;

    /// <summary>The configuration the server sent to the last page <see cref="LoadAsync"/> opened.</summary>
    private JsonElement? lastConfig;

    [Fact]
    public async Task Expert_available_mode_shows_the_launcher_only_while_an_expert_can_take_a_chat()
    {
        // The store is open around the clock; its one expert is not signed in yet.
        var merchant = await world.NewMerchantAsync(chat: s => s.DisplayMode = ChatDisplayMode.WhenExpertAvailable);
        var nobody = await LoadAsync(merchant.WidgetKey);
        await Expect(new ChatWidget(nobody).Launcher).ToBeHiddenAsync();

        // The expert is available and connected in the Store App: the next page load shows the launcher, and it works.
        await using var expert = await world.ExpertOnlineAsync(merchant);
        var available = await LoadAsync(merchant.WidgetKey);
        var widget = new ChatWidget(available);
        await Expect(widget.Launcher).ToBeVisibleAsync();
        await widget.OpenAsync();
        await Expect(widget.Button("Shoes")).ToBeVisibleAsync();

        // The expert steps away: it is checked at page load, so the next page has no launcher again.
        await expert.SetAvailableAsync(false);
        var away = await LoadAsync(merchant.WidgetKey);
        await Expect(new ChatWidget(away).Launcher).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_chat_limited_to_some_countries_shows_only_to_shoppers_from_them()
    {
        var merchant = await world.NewMerchantAsync(chat: s => s.Countries = ["FI", "SE"]);

        var germany = await LoadAsync(merchant.WidgetKey, country: "DE");
        Assert.False(CountryAllowed());
        await Expect(new ChatWidget(germany).Launcher).ToBeHiddenAsync();

        var finland = await LoadAsync(merchant.WidgetKey, country: "FI");
        Assert.True(CountryAllowed());
        var widget = new ChatWidget(finland);
        await Expect(widget.Launcher).ToBeVisibleAsync();
        await widget.OpenAsync();

        // No country header (no proxy, or it could not tell): unknown, so the rule does not hide the chat.
        var unknown = await LoadAsync(merchant.WidgetKey);
        Assert.Null(CountryAllowed());
        await Expect(new ChatWidget(unknown).Launcher).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_panel_links_to_the_merchants_policies_in_a_new_tab_when_they_are_configured()
    {
        var linked = await world.NewMerchantAsync(chat: s =>
        {
            s.PrivacyPolicyUrl = "https://outfitters.example/privacy";
            s.TermsUrl = "https://outfitters.example/terms";
            s.CustomerServiceUrl = "https://outfitters.example/help";
        });
        var page = await LoadAsync(linked.WidgetKey);
        var widget = new ChatWidget(page);
        await widget.OpenAsync();
        foreach (var (name, href) in new[]
        {
            ("Privacy policy", "https://outfitters.example/privacy"),
            ("Terms and conditions", "https://outfitters.example/terms"),
            ("Customer service", "https://outfitters.example/help"),
        })
        {
            var link = widget.Frame.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
            await Expect(link).ToBeVisibleAsync();
            await Expect(link).ToHaveAttributeAsync("href", href);
            await Expect(link).ToHaveAttributeAsync("target", "_blank");
            await Expect(link).ToHaveAttributeAsync("rel", NoOpener());
        }

        var plain = await world.NewMerchantAsync();
        var other = await LoadAsync(plain.WidgetKey);
        var otherWidget = new ChatWidget(other);
        await otherWidget.OpenAsync();
        await Expect(otherWidget.Button("Shoes")).ToBeVisibleAsync();
        foreach (var name in new[] { "Privacy policy", "Terms and conditions", "Customer service" })
        {
            await Expect(otherWidget.Frame.GetByRole(AriaRole.Link, new() { Name = name })).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task A_french_page_gets_the_merchants_french_texts_and_department_labels()
    {
        // The merchant speaks English and French: texts and department labels per language.
        var merchant = await world.NewMerchantAsync(chat: s => s.Texts =
        [
            new() { Language = "en", Key = ChatText.Greeting, Value = "Hello from Outfitters" },
            new() { Language = "en", Key = ChatText.NeedsSelectorPrompt, Value = "What are you shopping for?" },
            new() { Language = "fr", Key = ChatText.Greeting, Value = "Bonjour de la part d’Outfitters" },
            new() { Language = "fr", Key = ChatText.NeedsSelectorPrompt, Value = "Que cherchez-vous aujourd’hui ?" },
        ]);
        await world.App.InMerchantAsync(merchant.MerchantId, async db =>
        {
            (await db.Departments.SingleAsync(d => d.Id == merchant.ShoesId)).Labels = [new() { Language = "fr", Label = "Chaussures" }];
            (await db.Departments.SingleAsync(d => d.Id == merchant.HatsId)).Labels = [new() { Language = "fr", Label = "Chapeaux" }];
            return await db.SaveChangesAsync();
        });

        // The browser prefers English (en-GB); the page says French, and the page's lang comes first.
        var french = await LoadAsync(merchant.WidgetKey, lang: "fr");
        var widget = new ChatWidget(french);
        await widget.OpenAsync();
        await Expect(widget.Panel).ToHaveAttributeAsync("aria-label", "Bonjour de la part d’Outfitters");
        await Expect(widget.Heading("Que cherchez-vous aujourd’hui ?")).ToBeVisibleAsync();
        await Expect(widget.Button("Chaussures")).ToBeVisibleAsync();
        await Expect(widget.Button("Chapeaux")).ToBeVisibleAsync();
        await Expect(widget.Button("Shoes")).ToHaveCountAsync(0);
        await widget.Button("Chaussures").ClickAsync();
        await Expect(widget.Button("Démarrer le chat")).ToBeVisibleAsync();

        // The same merchant on an English page.
        var english = await LoadAsync(merchant.WidgetKey, lang: "en");
        var englishWidget = new ChatWidget(english);
        await englishWidget.OpenAsync();
        await Expect(englishWidget.Heading("What are you shopping for?")).ToBeVisibleAsync();
        await Expect(englishWidget.Button("Shoes")).ToBeVisibleAsync();
        await Expect(englishWidget.Button("Chaussures")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// A fresh shopper opens the merchant's bare host page and waits until the loader has applied its configuration.
    /// <paramref name="country"/>: the country header added to the configuration request, as a proxy in front of the
    /// app (e.g. Cloudflare's CF-IPCountry) does in production; it is added on the way out, so no CORS preflight.
    /// </summary>
    private async Task<IPage> LoadAsync(string key, string? country = null, string? lang = null)
    {
        var page = await world.ShopperPageAsync();
        await page.AddInitScriptAsync(ReadyFlag);
        if (country is not null)
        {
            await page.RouteAsync(ConfigUrl(), route => route.ContinueAsync(new RouteContinueOptions
            {
                Headers = new Dictionary<string, string>(route.Request.Headers) { [WidgetBrowserFixture.CountryHeader] = country },
            }));
        }

        var config = page.WaitForResponseAsync(ConfigUrl());
        await page.GotoAsync(world.Hosts.Url("/bare", key, lang: lang));
        await page.WaitForFunctionAsync("() => window.vsReady === true");
        lastConfig = await (await config).JsonAsync();
        return page;
    }

    /// <summary>What the server told the last page about the shopper's country (it saw the header): null when unknown.</summary>
    private bool? CountryAllowed()
    {
        var allowed = lastConfig!.Value.GetProperty("display").GetProperty("countryAllowed");
        return allowed.ValueKind == JsonValueKind.Null ? null : allowed.GetBoolean();
    }

    [GeneratedRegex(@"/api/v1/widget/[^/]+/config\?")]
    private static partial Regex ConfigUrl();

    [GeneratedRegex(@"\bnoopener\b")]
    private static partial Regex NoOpener();
}
