using Bunit;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Settings.Pages;

namespace VirtualShopping.Tests.Components.Settings;

public sealed class AccountSettingsPageTests : DashboardTestContext
{
    [Fact]
    public async Task Team_availability_shows_each_store_now_in_its_own_time_zone()
    {
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var hours = Enum.GetValues<DayOfWeek>().Select(d => new VirtualShopping.Domain.Merchants.WeeklyOpeningHours { Day = d, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(18, 0) }).ToList();
            var london = new VirtualShopping.Domain.Merchants.Store { Name = "London", TimeZoneId = "Europe/London", OpeningHours = hours };
            var tokyo = new VirtualShopping.Domain.Merchants.Store { Name = "Tokyo", TimeZoneId = "Asia/Tokyo", OpeningHours = hours.Select(h => new VirtualShopping.Domain.Merchants.WeeklyOpeningHours { Day = h.Day, Opens = h.Opens, Closes = h.Closes }).ToList() };
            db.Stores.AddRange(london, tokyo);
            db.StaffMembers.AddRange(
                new VirtualShopping.Domain.Staff.StaffMember { DisplayName = "A", Email = "a@example.com", Roles = VirtualShopping.Domain.Staff.StaffRoles.Expert, IsAvailable = true, Stores = [london] },
                new VirtualShopping.Domain.Staff.StaffMember { DisplayName = "B", Email = "b@example.com", Roles = VirtualShopping.Domain.Staff.StaffRoles.Expert, IsAvailable = true, Stores = [tokyo] });
            await db.SaveChangesAsync();
        }

        var page = Render<AccountSettingsPage>();

        // Monday 11:00 UTC: 11:00 in London (open), 20:00 in Tokyo (closed, so nobody is offered chats there).
        page.WaitForAssertion(() => Assert.Equal(["1 of 1", "0 of 1"], page.FindAll("[data-testid=availability-experts]").Select(c => c.TextContent)));
        Assert.Contains("09:00–18:00", page.Find("[data-testid=availability-table]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_sender_id_and_a_plain_http_url_get_field_messages_and_nothing_is_saved()
    {
        RenderProviders();
        var page = Render<AccountSettingsPage>();
        page.WaitForElement("#sender-id").Change("Demo-Shop!");
        page.Find("#expired-url").Change("http://www.example.com/help");

        page.Find("[data-testid=save-settings]").Click();

        page.WaitForAssertion(() => Assert.Contains("Use only letters A–Z, digits 0–9 and spaces.", page.Markup, StringComparison.Ordinal));
        Assert.Contains("Enter a full https:// address", page.Markup, StringComparison.Ordinal);
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.False(await db.AccountSettings.AnyAsync());
    }

    [Fact]
    public void Turning_on_sms_needs_a_sender_id()
    {
        RenderProviders();
        var page = Render<AccountSettingsPage>();
        page.WaitForElement("input[data-testid=channel-Sms]").Change(true);

        page.Find("[data-testid=save-settings]").Click();

        page.WaitForAssertion(() => Assert.Contains("SMS is on: enter the sender ID replies come from.", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Valid_settings_are_saved_and_shown_again()
    {
        var providers = RenderProviders();
        var page = Render<AccountSettingsPage>();
        page.WaitForElement("#sender-id").Change("+447700900123");
        page.Find("input[data-testid=channel-Sms]").Change(true);
        page.Find("#feed-url").Change("https://shop.example.com/feed.xml");

        page.Find("[data-testid=save-settings]").Click();

        providers.WaitForAssertion(() => Assert.Contains("Account settings saved", providers.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        var saved = await db.AccountSettings.SingleAsync();
        Assert.Equal("+447700900123", saved.LeftMessageSenderId);
        Assert.Equal(ContactChannels.Email | ContactChannels.Sms, saved.ContactChannels);
        Assert.Equal("https://shop.example.com/feed.xml", saved.ProductFeedUrl);

        var again = Render<AccountSettingsPage>();
        again.WaitForAssertion(() => Assert.Equal("+447700900123", again.Find("#sender-id").GetAttribute("value")));
    }

    [Fact]
    public async Task An_attribution_window_outside_one_to_ninety_days_gets_a_field_message_and_nothing_is_saved()
    {
        RenderProviders();
        var page = Render<AccountSettingsPage>();
        page.WaitForElement("#attribution-window").Change("91");

        page.Find("[data-testid=save-settings]").Click();

        page.WaitForAssertion(() => Assert.Contains("Choose an attribution window from 1 to 90 days.", page.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.False(await db.AccountSettings.AnyAsync());
    }

    [Fact]
    public async Task The_attribution_window_is_saved_and_the_rule_is_stated_in_plain_words_with_it()
    {
        var providers = RenderProviders();
        var page = Render<AccountSettingsPage>();
        page.WaitForAssertion(() => Assert.Contains("within 30 days before the order", page.Find("[data-testid=attribution-rule]").TextContent, StringComparison.Ordinal));
        Assert.Contains("orders already credited keep the window that credited them", page.Markup, StringComparison.Ordinal);

        page.Find("#attribution-window").Change("14");
        page.WaitForAssertion(() => Assert.Contains("within 14 days before the order", page.Find("[data-testid=attribution-rule]").TextContent, StringComparison.Ordinal));
        page.Find("[data-testid=save-settings]").Click();

        providers.WaitForAssertion(() => Assert.Contains("Account settings saved", providers.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(14, (await db.AccountSettings.SingleAsync()).AttributionWindowDays);
        var again = Render<AccountSettingsPage>();
        again.WaitForAssertion(() => Assert.Equal("14", again.Find("#attribution-window").GetAttribute("value")));
    }
}
