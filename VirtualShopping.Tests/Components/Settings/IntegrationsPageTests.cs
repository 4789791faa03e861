using Bunit;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Audit;
using VirtualShopping.Infrastructure.Secrets;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Settings.Pages;

namespace VirtualShopping.Tests.Components.Settings;

public sealed class IntegrationsPageTests : DashboardTestContext
{
    private const string Token = "zd-token-0123456789abcdWXYZ";

    [Fact]
    public async Task Turning_on_zendesk_without_credentials_shows_what_is_missing_and_saves_nothing()
    {
        RenderProviders();
        var page = Render<IntegrationsPage>();
        page.WaitForElement("input[data-testid=zendesk-enabled]").Change(true);

        page.Find("[data-testid=save-settings]").Click();

        page.WaitForAssertion(() => Assert.Contains("Enter your Zendesk subdomain", page.Markup, StringComparison.Ordinal));
        Assert.Contains("Enter the Zendesk API token.", page.Markup, StringComparison.Ordinal);
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.False(await db.IntegrationSettings.AnyAsync());
    }

    [Fact]
    public async Task A_saved_token_is_stored_encrypted_shown_only_as_a_hint_and_masked_in_the_audit_log()
    {
        var providers = RenderProviders();
        var page = Render<IntegrationsPage>();
        page.WaitForElement("input[data-testid=zendesk-enabled]").Change(true);
        page.Find("#zendesk-subdomain").Change("demo-outfitters");
        page.Find("#zendesk-email").Change("cs-lead@demo-outfitters.example");
        page.Find("#zendesk-token").Change(Token);

        page.Find("[data-testid=save-settings]").Click();

        providers.WaitForAssertion(() => Assert.Contains("Integrations saved", providers.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        var saved = await db.IntegrationSettings.SingleAsync();
        Assert.NotEqual(Token, saved.ZendeskApiTokenProtected);
        Assert.DoesNotContain("0123456789", saved.ZendeskApiTokenProtected, StringComparison.Ordinal);
        Assert.Equal(Token, Services.GetRequiredService<SecretProtector>().Unprotect(saved.ZendeskApiTokenProtected!));
        Assert.Equal("••••WXYZ", saved.ZendeskApiTokenHint);

        var again = Render<IntegrationsPage>();
        again.WaitForAssertion(() => Assert.Contains("Saved: ••••WXYZ", again.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(Token, again.Markup, StringComparison.Ordinal);

        // Replacing the token is audited without either value.
        again.Find("#zendesk-token").Change("zd-token-new-9999");
        again.Find("[data-testid=save-settings]").Click();
        again.WaitForAssertion(() => Assert.Contains("Saved: ••••9999", again.Markup, StringComparison.Ordinal));
        await using var check = await Contexts.CreateDbContextAsync();
        var tokenChange = await check.AuditEntries.SingleAsync(a => a.Field == "ZendeskApiTokenProtected");
        Assert.Equal((AuditEntry.Masked, AuditEntry.Masked), (tokenChange.OldValue, tokenChange.NewValue));
        Assert.DoesNotContain(await check.AuditEntries.Select(a => a.NewValue).ToListAsync(), v => v != null && (v.Contains("0123456789", StringComparison.Ordinal) || v.Contains("new-9999", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Saving_again_with_an_empty_token_field_keeps_the_stored_token()
    {
        var settings = Services.GetRequiredService<VirtualShopping.Web.Features.Settings.SettingsService>();
        var input = await settings.GetIntegrationsAsync();
        input.ZendeskEnabled = true;
        input.ZendeskSubdomain = "demo";
        input.ZendeskEmail = "cs@example.com";
        input.NewZendeskApiToken = Token;
        var first = (await settings.SaveIntegrationsAsync(input)).Value!;

        first.ZendeskSubdomain = "demo-two";
        var second = await settings.SaveIntegrationsAsync(first);

        Assert.True(second.Succeeded);
        await using var db = await Contexts.CreateDbContextAsync();
        var saved = await db.IntegrationSettings.SingleAsync();
        Assert.Equal("demo-two", saved.ZendeskSubdomain);
        Assert.Equal(Token, Services.GetRequiredService<SecretProtector>().Unprotect(saved.ZendeskApiTokenProtected!));
    }
}
