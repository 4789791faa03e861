using Bunit;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Audit;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Settings;
using VirtualShopping.Web.Features.Settings.Pages;

namespace VirtualShopping.Tests.Components.Settings;

public sealed class StoreAppSettingsPageTests : DashboardTestContext
{
    [Fact]
    public void A_merchant_that_never_saved_sees_the_default_routing_numbers()
    {
        var page = Render<StoreAppSettingsPage>();

        page.WaitForAssertion(() => Assert.Equal("3", page.Find("#max-simultaneous-chats").GetAttribute("value")));
        Assert.Equal("15", page.Find("#offer-countdown").GetAttribute("value"));
        Assert.Equal("90", page.Find("#claim-period").GetAttribute("value"));
        Assert.Contains("Waves go out at 0 s, 15 s, 30 s, 45 s, 60 s; missed after 90 s", page.Find("[data-testid=wave-preview]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_twenty_simultaneous_chats_cannot_be_entered()
    {
        var page = Render<StoreAppSettingsPage>();

        page.WaitForElement("#max-simultaneous-chats").Change("25");

        page.WaitForAssertion(() => Assert.Equal("20", page.Find("#max-simultaneous-chats").GetAttribute("value")));
    }

    [Fact]
    public void A_claim_period_shorter_than_the_waves_is_refused()
    {
        RenderProviders();
        var page = Render<StoreAppSettingsPage>();
        page.WaitForElement("#claim-period").Change("45");

        page.Find("[data-testid=save-settings]").Click();

        page.WaitForAssertion(() => Assert.Contains("The last wave goes out at 60 s, so the claim period must be longer than that.", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Saving_stores_the_settings_tells_the_user_and_audits_old_and_new()
    {
        var providers = RenderProviders();
        var page = Render<StoreAppSettingsPage>();
        page.WaitForElement("#max-simultaneous-chats").Change("5");
        page.Find("[data-testid=save-settings]").Click();
        providers.WaitForAssertion(() => Assert.Contains("Store App settings saved", providers.Markup, StringComparison.Ordinal));

        page.Find("#max-simultaneous-chats").Change("6");
        page.Find("[data-testid=save-settings]").Click();
        page.WaitForAssertion(async () =>
        {
            await using var check = await Contexts.CreateDbContextAsync();
            Assert.Equal(6, (await check.StoreAppSettings.SingleAsync()).MaxSimultaneousChats);
        });

        await using var db = await Contexts.CreateDbContextAsync();
        var change = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(StoreAppSettings) && a.Action == AuditAction.Changed);
        Assert.Equal(("MaxSimultaneousChats", "5", "6"), (change.Field, change.OldValue, change.NewValue));
    }

    [Fact]
    public async Task The_second_of_two_admins_editing_at_once_gets_a_conflict_and_the_first_save_stands()
    {
        var first = Render<StoreAppSettingsPage>();
        var second = Render<StoreAppSettingsPage>();
        first.WaitForElement("#max-simultaneous-chats").Change("4");
        second.WaitForElement("#max-simultaneous-chats").Change("8");

        first.Find("[data-testid=save-settings]").Click();
        first.WaitForAssertion(async () =>
        {
            await using var check = await Contexts.CreateDbContextAsync();
            Assert.Equal(4, (await check.StoreAppSettings.SingleAsync()).MaxSimultaneousChats);
        });
        second.Find("[data-testid=save-settings]").Click();

        second.WaitForAssertion(() => Assert.Contains("Someone else saved these settings", second.Find("[data-testid=settings-conflict]").TextContent, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(4, (await db.StoreAppSettings.SingleAsync()).MaxSimultaneousChats);
    }

    [Fact]
    public async Task Service_refuses_an_edit_made_from_an_older_save()
    {
        var settings = Services.GetRequiredService<SettingsService>();
        var loaded = await settings.GetStoreAppAsync();
        var saved = (await settings.SaveStoreAppAsync(loaded)).Value!;
        var stale = await settings.GetStoreAppAsync();
        saved.NumberOfWaves = 4;
        Assert.True((await settings.SaveStoreAppAsync(saved)).Succeeded);

        stale.NumberOfWaves = 3;
        var result = await settings.SaveStoreAppAsync(stale);

        Assert.Equal(VirtualShopping.Web.Components.Shared.SaveOutcome.Conflict, result.Outcome);
        Assert.Equal(4, (await settings.GetStoreAppAsync()).NumberOfWaves);
    }
}
