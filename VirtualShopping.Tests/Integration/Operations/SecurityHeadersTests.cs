using System.Net;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Integration.Operations;

/// <summary>
/// Security headers on pages, the API and the jobs dashboard: a real Content-Security-Policy (no eval, no
/// framing), nosniff, a referrer policy and X-Frame-Options; sign-in cookies are Secure and HSTS is sent
/// outside Development.
/// </summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private readonly VirtualShoppingFactory factory = new();

    public SecurityHeadersTests() => factory.SetSetting("Operations:OperatorEmails:0", DemoMerchantSeeder.AdminEmail);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/")]
    [InlineData("/stores")]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/recurring")]
    public async Task Pages_and_the_jobs_dashboard_carry_a_strict_content_security_policy(string path)
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        var response = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCommonHeaders(response);
        var policy = Directives(response);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'self'", policy["base-uri"]);
        Assert.StartsWith("'self'", policy["script-src"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy["script-src"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy["script-src"], StringComparison.Ordinal);
        Assert.Contains("'self'", policy["connect-src"], StringComparison.Ordinal);
        Assert.Contains("wss://localhost", policy["connect-src"], StringComparison.Ordinal);

        // Product images come from the merchant's own hosts, over https only.
        Assert.Equal(["'self'", "data:", "blob:", "https:"], policy["img-src"].Split(' '));
    }

    [Theory]
    [InlineData("/api/v1/stores", HttpStatusCode.OK)]
    [InlineData("/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    public async Task Api_responses_carry_the_headers_too(string path, HttpStatusCode status)
    {
        var admin = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        var response = await admin.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        AssertCommonHeaders(response);
        Assert.Equal("'none'", Directives(response)["frame-ancestors"]);
    }

    [Fact]
    public async Task The_public_widget_configuration_keeps_its_cross_origin_access_and_the_headers()
    {
        var key = (await factory.DemoMerchantAsync()).PublicWidgetKey;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/widget/{key}/config");
        request.Headers.Add("Origin", "https://www.demo-outfitters.example");

        var response = await factory.CreateAnonymousClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://www.demo-outfitters.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        // The loader fetches it from merchants' pages, which may be cross-origin isolated (COEP require-corp).
        Assert.Equal("cross-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task Outside_development_the_sign_in_cookie_is_secure_and_https_responses_carry_hsts()
    {
        // Even a request that reached the app over plain http (say, behind a TLS-terminating proxy) gets a Secure cookie.
        var client = factory.CreateAnonymousClient();
        client.BaseAddress = new Uri("http://chat.virtualshopping.example");
        var form = await client.GetStringAsync("/account/login");

        var signIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = VirtualShoppingFactory.AntiforgeryTokenIn(form),
            ["_handler"] = "login",
            ["Input.Email"] = DemoMerchantSeeder.AdminEmail,
            ["Input.Password"] = VirtualShoppingFactory.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("vs.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var overHttps = await factory.CreateAnonymousClient().GetAsync(new Uri("https://chat.virtualshopping.example/account/login"));
        Assert.StartsWith("max-age=", overHttps.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : string.Empty);
}
