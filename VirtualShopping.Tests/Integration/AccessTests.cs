using System.Net;
using System.Net.Http.Json;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Integration;

/// <summary>Who may reach what, tried from the outside through the real pipeline and real sign-in.</summary>
public sealed class AccessTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/stores")]
    [InlineData("/staff")]
    public async Task Dashboard_pages_send_anonymous_visitors_to_sign_in(string path)
    {
        var response = await factory.CreateAnonymousClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", RedirectPath(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_answers_anonymous_callers_with_401_problem_details_not_a_redirect()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/api/v1/stores");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_api_route_gets_404_problem_details()
    {
        var client = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Sign_in_page_health_and_openapi_are_public()
    {
        var client = factory.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        var health = await client.GetAsync("/health");
        var body = await health.Content.ReadAsStringAsync();
        Assert.True(health.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("\"database\"", body, StringComparison.Ordinal);
        Assert.Contains("\"hangfire\"", body, StringComparison.Ordinal);
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/stores", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message_and_no_cookie()
    {
        var client = factory.CreateAnonymousClient();

        var response = await VirtualShoppingFactory.SubmitSignInAsync(client, DemoMerchantSeeder.AdminEmail, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is not right.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/stores")).StatusCode);
    }

    [Fact]
    public async Task An_empty_sign_in_form_gets_field_messages()
    {
        var response = await VirtualShoppingFactory.SubmitSignInAsync(factory.CreateAnonymousClient(), "", "");
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("Enter your email address.", html, StringComparison.Ordinal);
        Assert.Contains("Enter your password.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_admin_sees_the_dashboard_home()
    {
        var client = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(DemoMerchantSeeder.MerchantName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoMerchantSeeder.AdminEmail, HttpStatusCode.OK)]
    [InlineData(DemoMerchantSeeder.SupportEmail, HttpStatusCode.OK)]
    [InlineData(DemoMerchantSeeder.ManagerEmail, HttpStatusCode.Forbidden)]
    [InlineData(DemoMerchantSeeder.ExpertEmail, HttpStatusCode.Forbidden)]
    public async Task Stores_index_api_is_for_admins_and_support_staff(string email, HttpStatusCode expected)
    {
        var client = await factory.SignInAsync(email);

        var response = await client.GetAsync("/api/v1/stores");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(DemoMerchantSeeder.AdminEmail, HttpStatusCode.OK)]
    [InlineData(DemoMerchantSeeder.ManagerEmail, HttpStatusCode.OK)]
    [InlineData(DemoMerchantSeeder.SupportEmail, HttpStatusCode.Forbidden)]
    [InlineData(DemoMerchantSeeder.ExpertEmail, HttpStatusCode.Forbidden)]
    public async Task Staff_api_is_for_admins_and_store_managers(string email, HttpStatusCode expected)
    {
        var client = await factory.SignInAsync(email);

        var response = await client.GetAsync("/api/v1/staff");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(DemoMerchantSeeder.ManagerEmail)]
    [InlineData(DemoMerchantSeeder.ExpertEmail)]
    public async Task Stores_page_sends_roles_without_access_to_access_denied(string email)
    {
        var client = await factory.SignInAsync(email);

        var response = await client.GetAsync("/stores");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", RedirectPath(response), StringComparison.Ordinal);
        Assert.DoesNotContain("London Oxford Street", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoMerchantSeeder.AdminEmail, true)]
    [InlineData(DemoMerchantSeeder.ManagerEmail, false)]
    [InlineData(DemoMerchantSeeder.SupportEmail, false)]
    public async Task Audit_log_is_for_people_with_settings_access(string email, bool allowed)
    {
        var client = await factory.SignInAsync(email);

        var response = await client.GetAsync("/settings/audit-log");

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", RedirectPath(response), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hangfire_dashboard_is_for_platform_operators_not_merchant_roles()
    {
        // No operator is configured for this host: nobody of any merchant opens the jobs of the installation.
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateAnonymousClient().GetAsync("/hangfire")).StatusCode);
        foreach (var email in new[] { DemoMerchantSeeder.ManagerEmail, DemoMerchantSeeder.AdminEmail })
        {
            var staff = await factory.SignInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/hangfire/recurring")).StatusCode);
        }
    }

    [Fact]
    public async Task Signing_out_ends_access()
    {
        var client = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);
        var home = await client.GetStringAsync("/");
        var token = VirtualShoppingFactory.AntiforgeryTokenIn(home);

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/stores")).StatusCode);
    }

    private static string RedirectPath(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.OriginalString;
}
