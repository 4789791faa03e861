using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Settings;

namespace VirtualShopping.Tests.Integration;

/// <summary>
/// URL settings are checked by one strict rule: a URL that could break out of the widget's HTML or a header
/// is refused with problem details naming the field, nothing changes, and the widget never serves it.
/// </summary>
public sealed class SettingsUrlTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    private const string Injection = "https://ok.example/\"><script>alert(1)</script>";

    [Fact]
    public async Task Chat_settings_with_script_breaking_urls_are_refused_per_field_and_the_widget_never_serves_them()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var before = await admin.GetStringAsync("/api/v1/settings/chat");
        var input = (await admin.GetJsonAsync<ChatSettingsInput>("/api/v1/settings/chat"))!;
        input.PrivacyPolicyUrl = Injection;
        input.TermsUrl = "https://ok.example/terms'onmouseover='alert(1)";
        input.CustomerServiceUrl = "https://ok.example/help`x`";
        input.AllowedOrigins = "https://www.demo-outfitters.example\nhttps://ok.example\"><b>";
        input.IncludeUrlPatterns = "*/\"><img src=x onerror=alert(1)>*";

        var response = await admin.PutAsJsonAsync("/api/v1/settings/chat", input);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        foreach (var field in new[] { "PrivacyPolicyUrl", "TermsUrl", "CustomerServiceUrl", "AllowedOrigins", "IncludeUrlPatterns" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.Equal(before, await admin.GetStringAsync("/api/v1/settings/chat"));
        var key = (await factory.DemoMerchantAsync()).PublicWidgetKey;
        var config = await factory.CreateAnonymousClient().GetStringAsync($"/api/v1/widget/{key}/config");
        Assert.DoesNotContain("ok.example", config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_urls_with_quotes_or_angle_brackets_are_refused_per_field_and_nothing_changes()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var before = await admin.GetStringAsync("/api/v1/settings/account");
        var input = (await admin.GetJsonAsync<AccountSettingsInput>("/api/v1/settings/account"))!;
        input.LeftMessageExpiredUrl = Injection;
        input.ProductFeedUrl = "https://ok.example/feed.xml?a=<b>";

        var response = await admin.PutAsJsonAsync("/api/v1/settings/account", input);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(HttpsUrl.Message, errors.GetProperty("LeftMessageExpiredUrl")[0].GetString());
        Assert.Equal(HttpsUrl.Message, errors.GetProperty("ProductFeedUrl")[0].GetString());
        Assert.Equal(before, await admin.GetStringAsync("/api/v1/settings/account"));
    }

    [Fact]
    public async Task A_url_saved_before_the_strict_rule_is_left_out_of_the_widget_configuration()
    {
        var merchant = await factory.DemoMerchantAsync();
        await factory.InMerchantAsync(merchant.Id, db => db.ChatSettings.ExecuteUpdateAsync(s => s.SetProperty(c => c.TermsUrl, Injection)));

        var config = await factory.CreateAnonymousClient().GetStringAsync($"/api/v1/widget/{merchant.PublicWidgetKey}/config");

        Assert.DoesNotContain("<script>", config, StringComparison.Ordinal);
        Assert.DoesNotContain("ok.example", config, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(config);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("urls").GetProperty("terms").ValueKind);
        Assert.Equal("https://www.demo-outfitters.example/privacy", json.RootElement.GetProperty("urls").GetProperty("privacyPolicy").GetString());
    }
}
