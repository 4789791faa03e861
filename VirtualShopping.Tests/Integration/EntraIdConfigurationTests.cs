using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration;

/// <summary>With an AzureAd section the dashboard signs in through Entra ID (Microsoft.Identity.Web) instead of local accounts.</summary>
public sealed class EntraIdConfigurationTests : IClassFixture<EntraIdConfigurationTests.EntraFactory>
{
    private readonly EntraFactory factory;

    public EntraIdConfigurationTests(EntraFactory factory) => this.factory = factory;

    [Fact]
    public async Task Sign_in_page_offers_microsoft_sign_in_and_no_password_form()
    {
        var html = await factory.CreateAnonymousClient().GetStringAsync("/account/login");

        Assert.Contains("Sign in with Microsoft", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Password", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_id_connect_is_the_challenge_scheme_and_local_accounts_are_off()
    {
        var schemes = factory.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        var oidc = factory.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);

        Assert.Equal(OpenIdConnectDefaults.AuthenticationScheme, (await schemes.GetDefaultChallengeSchemeAsync())!.Name);
        Assert.Equal("00000000-0000-0000-0000-00000000c1d0", oidc.ClientId);
        Assert.StartsWith("https://login.microsoftonline.com/contoso.example", oidc.Authority, StringComparison.Ordinal);
        Assert.Null(factory.Services.GetService<UserManager<ApplicationUser>>());
        Assert.Contains("Ask your store manager to add you", WebUtility.HtmlDecode(await factory.CreateAnonymousClient().GetStringAsync("/account/join")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_store_app_takes_entra_access_tokens_and_local_store_app_sign_in_is_off()
    {
        var schemes = factory.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        var jwt = factory.Services.GetRequiredService<IOptionsMonitor<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions>>().Get(ExpertTokens.EntraScheme);

        Assert.NotNull(await schemes.GetSchemeAsync(ExpertTokens.EntraScheme));
        Assert.Null(await schemes.GetSchemeAsync(ExpertTokens.Scheme));
        Assert.StartsWith("https://login.microsoftonline.com/contoso.example", jwt.Authority, StringComparison.Ordinal);
        var client = factory.CreateAnonymousClient();
        var token = await client.PostAsJsonAsync("/api/v1/expert/token", new { email = "someone@contoso.example", password = "whatever-123" });
        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not.a.jwt");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/expert/me")).StatusCode);
    }

    public sealed class EntraFactory : VirtualShoppingFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Seed:DemoMerchant", "false");
            builder.UseSetting("AzureAd:Instance", "https://login.microsoftonline.com/");
            builder.UseSetting("AzureAd:TenantId", "contoso.example");
            builder.UseSetting("AzureAd:ClientId", "00000000-0000-0000-0000-00000000c1d0");
            builder.UseSetting("AzureAd:ClientSecret", "not-a-real-secret");
        }
    }
}
