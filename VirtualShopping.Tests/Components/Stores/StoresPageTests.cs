using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Stores.Pages;

namespace VirtualShopping.Tests.Components.Stores;

public sealed class StoresPageTests : DashboardTestContext
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Contexts.CreateDbContextAsync();
        db.Stores.AddRange(
            NewStore("London Oxford Street", "LDN01", "London"),
            NewStore("Helsinki Aleksanterinkatu", "HEL01", "Helsinki"));
        await db.SaveChangesAsync();

        // Another merchant's store, which this merchant must never see.
        var other = new Merchant { Name = "Other", PublicWidgetKey = WidgetKey.Generate(), InviteCode = InviteCode.Generate() };
        Scope.Use(other.Id);
        await using (var otherDb = await Contexts.CreateDbContextAsync())
        {
            otherDb.Merchants.Add(other);
            otherDb.Stores.Add(NewStore("Other Merchant Store", "OTH01", "Leeds"));
            await otherDb.SaveChangesAsync();
        }

        Scope.Use(Merchant.Id);
    }

    [Fact]
    public void Index_lists_this_merchants_stores_only()
    {
        var page = RenderStores();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=store-row]").Count));
        Assert.Contains("London Oxford Street", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Helsinki Aleksanterinkatu", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Other Merchant Store", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_narrows_the_list_and_says_when_nothing_matches()
    {
        var page = RenderStores();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=store-row]").Count));

        page.Find("input[data-testid=store-search]").Input("helsinki");
        Clock.Advance(TimeSpan.FromMilliseconds(400)); // past the search box's debounce
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=store-row]")), TimeSpan.FromSeconds(5));
        Assert.Contains("Helsinki Aleksanterinkatu", page.Find("[data-testid=store-row]").TextContent, StringComparison.Ordinal);

        page.Find("input[data-testid=store-search]").Input("Tokyo");
        Clock.Advance(TimeSpan.FromMilliseconds(400));
        page.WaitForAssertion(() => Assert.Contains("No stores match “Tokyo”", page.Find("[data-testid=stores-empty]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Saving_an_empty_new_store_shows_field_messages_and_saves_nothing()
    {
        var (page, providers) = RenderWithProviders();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=store-row]").Count));

        page.Find("[data-testid=add-store]").Click();
        providers.WaitForElement("#store-name");
        providers.Find("[data-testid=save-store]").Click();

        providers.WaitForAssertion(() => Assert.Contains("Enter the store's name.", providers.Markup, StringComparison.Ordinal));
        Assert.Contains("Enter the street address.", providers.Markup, StringComparison.Ordinal);
        Assert.Contains("Choose the country.", providers.Markup, StringComparison.Ordinal);
        Assert.Equal(2, await CountStoresAsync());
    }

    [Fact]
    public async Task A_valid_new_store_is_saved_and_appears_in_the_index()
    {
        var (page, providers) = RenderWithProviders();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=store-row]").Count));

        page.Find("[data-testid=add-store]").Click();
        providers.WaitForElement("#store-name");
        Fill(providers, "#store-name", "Paris Rivoli");
        Fill(providers, "#store-code", "PAR01");
        Fill(providers, "#store-address1", "112 Rue de Rivoli");
        Fill(providers, "#store-city", "Paris");
        Fill(providers, "#store-postal", "75001");
        await SetAutocompleteAsync(providers, "store-country", "FR");
        await SetAutocompleteAsync(providers, "store-timezone", "Europe/Paris");
        providers.Find("[data-testid=save-store]").Click();

        providers.WaitForAssertion(() => Assert.Contains("Store “Paris Rivoli” saved", providers.Markup, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=store-row]").Count));
        await using var db = await Contexts.CreateDbContextAsync();
        var saved = await db.Stores.SingleAsync(s => s.Code == "PAR01");
        Assert.Equal("Paris Rivoli", saved.Name);
        Assert.Equal("Europe/Paris", saved.TimeZoneId);
        Assert.Equal("FR", saved.Address.CountryCode);
        Assert.Equal(7, saved.OpeningHours.Count);
    }

    [Fact]
    public async Task A_duplicate_store_code_shows_the_servers_message_against_the_code()
    {
        var (page, providers) = RenderWithProviders();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=store-row]").Count));

        page.FindAll("[data-testid=edit-store]")[1].Click();
        providers.WaitForAssertion(() => Assert.Equal("London Oxford Street", providers.Find("#store-name").GetAttribute("value")));
        Fill(providers, "#store-code", "HEL01");
        providers.Find("[data-testid=save-store]").Click();

        providers.WaitForAssertion(() => Assert.Contains("Another store already uses the code HEL01.", providers.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal("LDN01", (await db.Stores.SingleAsync(s => s.Name == "London Oxford Street")).Code);
    }

    [Fact]
    public async Task Saving_over_someone_elses_newer_change_shows_a_conflict_and_keeps_their_change()
    {
        var (page, providers) = RenderWithProviders();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=store-row]").Count));
        page.FindAll("[data-testid=edit-store]")[1].Click();
        providers.WaitForAssertion(() => Assert.Equal("London Oxford Street", providers.Find("#store-name").GetAttribute("value")));

        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var store = await db.Stores.SingleAsync(s => s.Code == "LDN01");
            store.Name = "London Flagship";
            await db.SaveChangesAsync();
        }

        Fill(providers, "#store-city", "Westminster");
        providers.Find("[data-testid=save-store]").Click();

        providers.WaitForAssertion(() => Assert.Contains("Someone else changed this store", providers.Find("[data-testid=store-conflict]").TextContent, StringComparison.Ordinal));
        await using var check = await Contexts.CreateDbContextAsync();
        var stored = await check.Stores.SingleAsync(s => s.Code == "LDN01");
        Assert.Equal("London Flagship", stored.Name);
        Assert.Equal("London", stored.Address.City);
    }

    [Fact]
    public async Task Deactivating_asks_first_and_then_marks_the_store_inactive()
    {
        var (page, providers) = RenderWithProviders();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=store-row]").Count));

        page.FindAll("[data-testid=deactivate-store]")[1].Click();
        providers.WaitForAssertion(() => Assert.Contains("Deactivate London Oxford Street?", providers.Markup, StringComparison.Ordinal));
        Assert.Equal(StoreStatus.Active, await StatusOfAsync("LDN01"));

        providers.FindAll("button").First(b => b.TextContent.Trim() == "Deactivate").Click();

        providers.WaitForAssertion(() => Assert.Contains("Store “London Oxford Street” deactivated", providers.Markup, StringComparison.Ordinal));
        Assert.Equal(StoreStatus.Inactive, await StatusOfAsync("LDN01"));
    }

    private IRenderedComponent<VirtualShopping.Web.Features.Stores.Pages.Stores> RenderStores() => Render<VirtualShopping.Web.Features.Stores.Pages.Stores>();

    private (IRenderedComponent<VirtualShopping.Web.Features.Stores.Pages.Stores> Page, IRenderedComponent<MudProviders> Providers) RenderWithProviders()
    {
        var providers = RenderProviders();
        return (RenderStores(), providers);
    }

    private static void Fill(IRenderedComponent<MudProviders> providers, string selector, string value) =>
        providers.Find(selector).Change(value);

    private static async Task SetAutocompleteAsync(IRenderedComponent<MudProviders> providers, string inputId, string value)
    {
        var autocomplete = providers.FindComponents<MudAutocomplete<string>>().Single(a => a.Find("input").Id == inputId);
        await autocomplete.InvokeAsync(() => autocomplete.Instance.SelectOptionAsync(value));
    }

    private async Task<int> CountStoresAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Stores.CountAsync();
    }

    private async Task<StoreStatus> StatusOfAsync(string code)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return (await db.Stores.SingleAsync(s => s.Code == code)).Status;
    }

    private static Store NewStore(string name, string code, string city) => new()
    {
        Name = name,
        Code = code,
        Address = new Address { Line1 = "1 Main Street", City = city, PostalCode = "00100", CountryCode = "GB" },
        TimeZoneId = "Europe/London",
        OpeningHours = Enum.GetValues<DayOfWeek>().Select(d => new WeeklyOpeningHours { Day = d, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(18, 0) }).ToList(),
    };
}
