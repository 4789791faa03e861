using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Settings;

namespace VirtualShopping.Tests.Integration.Settings;

/// <summary>The attribution window through the Account settings API: 1–90 days, a field message otherwise.</summary>
public sealed class AttributionWindowSettingTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    [InlineData(-5)]
    public async Task A_window_outside_one_to_ninety_days_is_refused_naming_the_field(int days)
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var account = (await admin.GetJsonAsync<AccountSettingsInput>("/api/v1/settings/account"))!;
        account.AttributionWindowDays = days;

        var response = await admin.PutAsJsonAsync("/api/v1/settings/account", account);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(AccountSettingsInputValidator.AttributionWindowMessage, problem.RootElement.GetProperty("errors").GetProperty("AttributionWindowDays")[0].GetString());
        Assert.Equal(30, (await admin.GetJsonAsync<AccountSettingsInput>("/api/v1/settings/account"))!.AttributionWindowDays);
    }

    [Fact]
    public async Task The_window_defaults_to_thirty_days_and_a_new_one_is_saved()
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var account = (await admin.GetJsonAsync<AccountSettingsInput>("/api/v1/settings/account"))!;
        Assert.Equal(30, account.AttributionWindowDays);

        account.AttributionWindowDays = 90;
        var saved = await admin.PutAsJsonAsync("/api/v1/settings/account", account);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var again = (await admin.GetJsonAsync<AccountSettingsInput>("/api/v1/settings/account"))!;
        Assert.Equal(90, again.AttributionWindowDays);

        again.AttributionWindowDays = 30;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/settings/account", again)).StatusCode);
    }
}
