using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using VirtualShopping.Infrastructure.Identity;
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

            // A new security stamp makes every cookie issued before it worthless (the stamp is checked on every
            // request), so a copy of this cookie cannot outlive the sign-out.
            var users = context.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
            if (await users.GetUserAsync(context.User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.LocalRedirect("/account/login?signedOut=true");
        }).RequireAuthorization();

        // Without Entra ID there is no OpenID Connect scheme to challenge: say so with a 404, not a 500.
        group.MapGet("/entra", (string? returnUrl, IConfiguration configuration) =>
                AuthenticationSetup.UsesEntraId(configuration)
                    ? Results.Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])
                    : Results.Problem("This server signs staff in with email and password; Microsoft sign-in is not set up.", statusCode: StatusCodes.Status404NotFound, title: "Microsoft sign-in is off"))
            .AllowAnonymous();
    }

    /// <summary>Only local paths: a sign-in link can never send someone to another site.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
