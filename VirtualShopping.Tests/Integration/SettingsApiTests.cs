using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Settings;

namespace VirtualShopping.Tests.Integration;

public sealed class SettingsApiTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    [Fact]
    public async Task Out_of_range_store_app_settings_get_field_errors_and_change_nothing()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var current = await admin.GetJsonAsync<StoreAppSettingsInput>("/api/v1/settings/store-app");
        current!.MaxSimultaneousChats = 25;
        current.IdleWarningMinutes = current.IdleAutoEndMinutes;

        var response = await admin.PutAsJsonAsync("/api/v1/settings/store-app", current);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Choose between 1 and 20 chats.", problem.RootElement.GetProperty("errors").GetProperty("MaxSimultaneousChats")[0].GetString());
        Assert.Contains("warning must come before", problem.RootElement.GetProperty("errors").GetProperty("IdleWarningMinutes")[0].GetString(), StringComparison.Ordinal);
        var merchant = await factory.DemoMerchantAsync();
        Assert.False(await factory.InMerchantAsync(merchant.Id, db => db.StoreAppSettings.AnyAsync(s => s.MaxSimultaneousChats == 25)));
    }

    [Fact]
    public async Task Valid_settings_are_saved_and_read_back()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var current = await admin.GetJsonAsync<StoreAppSettingsInput>("/api/v1/settings/store-app");
        current!.OfferCountdownSeconds = 20;

        var response = await admin.PutAsJsonAsync("/api/v1/settings/store-app", current);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(20, (await admin.GetJsonAsync<StoreAppSettingsInput>("/api/v1/settings/store-app"))!.OfferCountdownSeconds);
    }

    [Fact]
    public async Task Demo_merchant_account_settings_are_seeded_and_bad_values_are_refused()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var account = await admin.GetJsonAsync<AccountSettingsInput>("/api/v1/settings/account");
        Assert.Equal("GBP", account!.Currency);
        Assert.Equal("DemoOutfit", account.LeftMessageSenderId);

        account.Currency = "XYZ";
        account.LeftMessageSenderId = "TwelveChars1";
        account.LeftMessageExpiredUrl = "javascript:alert(1)";
        var response = await admin.PutAsJsonAsync("/api/v1/settings/account", account);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Contains("ISO 4217", errors.GetProperty("Currency")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("at most 11", errors.GetProperty("LeftMessageSenderId")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("https://", errors.GetProperty("LeftMessageExpiredUrl")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("GBP", (await admin.GetJsonAsync<AccountSettingsInput>("/api/v1/settings/account"))!.Currency);
    }

    [Fact]
    public async Task Integration_secrets_go_in_but_never_come_back_out()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var input = (await admin.GetJsonAsync<IntegrationSettingsInput>("/api/v1/settings/integrations"))!;
        input.MessengerEnabled = true;
        input.MessengerPageId = "104857600123";
        input.NewMessengerAppSecret = "app-secret-abcdef-7788";
        input.NewMessengerPageAccessToken = "EAAG-page-token-secret-4455";

        var saved = await admin.PutAsJsonAsync("/api/v1/settings/integrations", input);
        var read = await admin.GetStringAsync("/api/v1/settings/integrations");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.DoesNotContain("app-secret-abcdef", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("app-secret-abcdef", read, StringComparison.Ordinal);
        Assert.DoesNotContain("EAAG-page-token", read, StringComparison.Ordinal);
        Assert.Contains("7788", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shopify_settings_go_through_the_api_and_the_webhook_secret_never_comes_back_out()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var input = (await admin.GetJsonAsync<IntegrationSettingsInput>("/api/v1/settings/integrations"))!;
        input.ShopifyEnabled = true;
        input.ShopifyShopDomain = "demo-outfitters.example.com";

        var refused = await admin.PutAsJsonAsync("/api/v1/settings/integrations", input);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("ShopifyShopDomain", out _));
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("NewShopifyWebhookSecret", out _));
        }

        input.ShopifyShopDomain = "Demo-Outfitters.myshopify.com";
        input.NewShopifyWebhookSecret = "shpss_webhook-secret-9911";
        var saved = await admin.PutAsJsonAsync("/api/v1/settings/integrations", input);
        var read = await admin.GetJsonAsync<IntegrationSettingsInput>("/api/v1/settings/integrations");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal((true, "demo-outfitters.myshopify.com", "••••9911", null), (read!.ShopifyEnabled, read.ShopifyShopDomain, read.ShopifyWebhookSecretHint, read.NewShopifyWebhookSecret));
        Assert.DoesNotContain("webhook-secret", await admin.GetStringAsync("/api/v1/settings/integrations"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoMerchantSeeder.ManagerEmail)]
    [InlineData(DemoMerchantSeeder.SupportEmail)]
    [InlineData(DemoMerchantSeeder.ExpertEmail)]
    public async Task Settings_are_for_people_with_settings_access_only(string email)
    {
        var client = await factory.SignInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/settings/store-app")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync("/api/v1/settings/store-app", new StoreAppSettingsInput())).StatusCode);
    }
}
