using Bunit;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Audit;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Infrastructure.Secrets;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Settings.Pages;

namespace VirtualShopping.Tests.Components.Settings;

/// <summary>The Integrations page's order API keys (shown once, stored hashed, revoked after confirming) and its Shopify section.</summary>
public sealed class ApiKeysSectionTests : DashboardTestContext
{
    [Fact]
    public async Task A_new_key_is_shown_once_in_a_dialog_stored_only_as_its_hash_and_listed_by_its_prefix()
    {
        var providers = RenderProviders();
        var page = Render<IntegrationsPage>();
        page.WaitForElement("[data-testid=no-api-keys]");
        page.Find("#api-key-name").Input("Order system");

        page.Find("[data-testid=create-api-key]").Click();

        var key = providers.WaitForElement("#new-api-key").GetAttribute("value")!;
        Assert.Matches("^vsk_[a-z2-9]{10}_[A-Za-z0-9]{40}$", key);
        Assert.Contains("shown only once", providers.Markup, StringComparison.Ordinal);
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var stored = await db.MerchantApiKeys.SingleAsync();
            Assert.Equal(("Order system", ApiKeySecret.PrefixOf(key), ApiKeySecret.HashOf(key)), (stored.Name, stored.Prefix, stored.SecretHash));
            Assert.Equal(Clock.GetUtcNow(), stored.CreatedAt);
            var created = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Created && a.EntityId == stored.Id);
            Assert.DoesNotContain(key[15..], created.NewValue ?? string.Empty, StringComparison.Ordinal);
        }

        providers.Find("[data-testid=copy-api-key]").Click();
        Assert.Equal(key, JSInterop.VerifyInvoke("navigator.clipboard.writeText").Arguments.Single());
        providers.Find("[data-testid=api-key-done]").Click();
        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll("#new-api-key")));

        // Listed by name and prefix, never again in full, also when the page is opened afresh.
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=api-key-row]")));
        Assert.Contains($"vsk_{ApiKeySecret.PrefixOf(key)}_…", page.Markup, StringComparison.Ordinal);
        var again = Render<IntegrationsPage>();
        again.WaitForAssertion(() => Assert.Single(again.FindAll("[data-testid=api-key-row]")));
        Assert.DoesNotContain(key, again.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(key[15..], page.Markup + providers.Markup, StringComparison.Ordinal);
        Assert.Contains("Never", again.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_without_a_name_is_not_created()
    {
        var page = Render<IntegrationsPage>();
        page.WaitForElement("[data-testid=no-api-keys]");

        page.Find("[data-testid=create-api-key]").Click();

        page.WaitForAssertion(() => Assert.Contains("Name the key after what uses it", page.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.False(await db.MerchantApiKeys.AnyAsync());
    }

    [Fact]
    public async Task Revoking_asks_first_and_then_marks_the_key_revoked()
    {
        var providers = RenderProviders();
        var keys = Services.GetRequiredService<VirtualShopping.Web.Features.Orders.MerchantApiKeys>();
        var created = await keys.CreateAsync("Warehouse");
        var page = Render<IntegrationsPage>();
        page.WaitForElement("[data-testid=revoke-api-key]").Click();

        providers.WaitForAssertion(() => Assert.Contains("Revoke Warehouse?", providers.Markup, StringComparison.Ordinal));
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            Assert.Null((await db.MerchantApiKeys.SingleAsync()).RevokedAt); // not before confirming
        }

        providers.FindAll("button").First(b => b.TextContent.Trim() == "Revoke").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=revoke-api-key]")));
        Assert.Contains("Revoked", page.Markup, StringComparison.Ordinal);
        await using var check = await Contexts.CreateDbContextAsync();
        Assert.Equal(Clock.GetUtcNow(), (await check.MerchantApiKeys.SingleAsync(k => k.Id == created.Row.Id)).RevokedAt);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityId == created.Row.Id && a.Field == nameof(MerchantApiKey.RevokedAt)));
    }

    [Fact]
    public async Task The_shopify_secret_is_stored_encrypted_and_shown_back_as_a_hint()
    {
        var providers = RenderProviders();
        var page = Render<IntegrationsPage>();
        page.WaitForElement("input[data-testid=shopify-enabled]").Change(true);
        page.Find("#shopify-domain").Change("acme.example.com");
        page.Find("[data-testid=save-settings]").Click();
        page.WaitForAssertion(() => Assert.Contains("myshopify.com domain", page.Markup, StringComparison.Ordinal));
        Assert.Contains("Enter the secret that signs your webhooks", page.Markup, StringComparison.Ordinal);

        page.Find("#shopify-domain").Change("Acme.myshopify.com");
        page.Find("#shopify-secret").Change("shpss_secret_value_7788");
        page.Find("[data-testid=save-settings]").Click();

        providers.WaitForAssertion(() => Assert.Contains("Integrations saved", providers.Markup, StringComparison.Ordinal));
        await using var db = await Contexts.CreateDbContextAsync();
        var saved = await db.IntegrationSettings.SingleAsync();
        Assert.Equal((true, "acme.myshopify.com", "••••7788"), (saved.ShopifyEnabled, saved.ShopifyShopDomain, saved.ShopifyWebhookSecretHint));
        Assert.Equal("shpss_secret_value_7788", Services.GetRequiredService<SecretProtector>().Unprotect(saved.ShopifyWebhookSecretProtected!));
        var again = Render<IntegrationsPage>();
        again.WaitForAssertion(() => Assert.Contains("Saved: ••••7788", again.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("secret_value", again.Markup, StringComparison.Ordinal);
    }
}
