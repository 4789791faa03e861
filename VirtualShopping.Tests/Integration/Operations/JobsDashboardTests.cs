using System.Net;
using Microsoft.Extensions.Options;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Integration.Operations;

/// <summary>
/// The Hangfire dashboard shows every merchant's jobs, so it belongs to the platform operators named in
/// `Operations:OperatorEmails`; no merchant role, HQ admin included, opens it.
/// </summary>
public sealed class JobsDashboardTests : IAsyncLifetime
{
    private readonly VirtualShoppingFactory factory = new();

    public JobsDashboardTests()
    {
        // The operator here is a store manager: merchant rights neither grant the dashboard nor matter for it.
        factory.SetSetting("Operations:OperatorEmails:0", "Manager@Demo-Outfitters.example");
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/recurring")]
    [InlineData("/hangfire/jobs/succeeded")]
    public async Task A_merchants_hq_admin_is_refused_the_jobs_dashboard_with_403(string path)
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        await TestMerchants.CreateAsync(factory.Services, "Other Merchant", "hq@other-merchant.example", "Other Store");
        var otherAdmin = await factory.SignInAsync("hq@other-merchant.example", TestMerchants.Password);

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAdmin.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/account/login", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_operator_sees_the_jobs_of_the_installation()
    {
        var operatorClient = await factory.SignInAsync(DemoMerchantSeeder.ManagerEmail);

        var response = await operatorClient.GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("purge-expired-invitations", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Operations:OperatorEmails:0", "not an email")]
    [InlineData("App:PublicBaseUrl", "")]
    [InlineData("App:PublicBaseUrl", "/relative")]
    [InlineData("App:PublicBaseUrl", "ftp://files.example.com/")]
    public async Task The_app_refuses_to_start_with_bad_operations_settings(string key, string value)
    {
        await using var misconfigured = new VirtualShoppingFactory();
        misconfigured.SetSetting(key, value);

        var failure = Assert.ThrowsAny<Exception>(() => misconfigured.Services);

        Assert.Contains(nameof(OptionsValidationException), failure.ToString(), StringComparison.Ordinal);
        Assert.Contains(string.Join(':', key.Split(':')[..2]), failure.ToString(), StringComparison.Ordinal);
    }
}
