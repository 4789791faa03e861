using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using VirtualShopping.Web.Authorization;

namespace VirtualShopping.Web.Features.Account;

/// <summary>Sign-out and the Entra ID sign-in challenge; the sign-in form itself is the Login page.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").ExcludeFromDescription();

        group.MapPost("/logout", async (HttpContext context, IConfiguration configuration) =>
        {
            if (AuthenticationSetup.UsesEntraId(configuration))
            {
                return Results.SignOut(
                    new AuthenticationProperties { RedirectUri = "/account/login?signedOut=true" },
                    [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
            }

            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.LocalRedirect("/account/login?signedOut=true");
        }).RequireAuthorization();

        group.MapGet("/entra", (string? returnUrl) =>
            Results.Challenge(
                new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) },
                [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous();
    }

    /// <summary>Only local paths: a sign-in link can never send someone to another site.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
