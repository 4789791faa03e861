using System.Net;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Authorization;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Integration.Account;

/// <summary>A dashboard sign-in ends for real: copies of a cookie die with the sign-out, on HTTP and in the circuit.</summary>
public sealed class DashboardSessionTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_works_after_it()
    {
        var client = factory.CreateAnonymousClient();
        var signedIn = await VirtualShoppingFactory.SubmitSignInAsync(client, DemoMerchantSeeder.ManagerEmail, VirtualShoppingFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var copy = ClientWithCookie(AuthCookie(signedIn));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/v1/staff")).StatusCode);

        var token = VirtualShoppingFactory.AntiforgeryTokenIn(await client.GetStringAsync("/"));
        var signedOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/v1/staff")).StatusCode);
        var page = await copy.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.IsAbsoluteUri ? page.Headers.Location.PathAndQuery : page.Headers.Location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_security_stamp_refuses_the_old_cookie_at_once_and_ends_an_open_circuit()
    {
        var client = await factory.SignInAsync(DemoMerchantSeeder.SupportEmail);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/stores")).StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(DemoMerchantSeeder.SupportEmail))!;
        var circuitUser = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
        var circuit = (RevalidatingStaffAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        Assert.True(await circuit.IsStillValidAsync(circuitUser, CancellationToken.None));

        // What role changes, deactivation and a password change do.
        await users.UpdateSecurityStampAsync(user);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/stores")).StatusCode);
        Assert.False(await circuit.IsStillValidAsync(circuitUser, CancellationToken.None));
    }

    [Fact]
    public async Task Microsoft_sign_in_answers_404_when_entra_id_is_not_configured()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/account/entra?returnUrl=/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Microsoft sign-in is off", (await response.Content.ReadAsync<ProblemDetails>())!.Title);
    }

    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("vs.auth=", StringComparison.Ordinal));

    private HttpClient ClientWithCookie(string cookie)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
