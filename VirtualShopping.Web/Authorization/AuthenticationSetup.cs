using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Identity.Web;
using VirtualShopping.Infrastructure.Identity;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Web.Authorization;

/// <summary>
/// Entra ID (OpenID Connect through Microsoft.Identity.Web) when `AzureAd:ClientId` is set;
/// otherwise local ASP.NET Core Identity accounts with hashed passwords and lockout.
/// </summary>
public static class AuthenticationSetup
{
    public static bool UsesEntraId(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]);

    public static IServiceCollection AddVirtualShoppingAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        string[] expertSchemes;
        AuthenticationBuilder authentication;
        if (UsesEntraId(configuration))
        {
            authentication = services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme);
            authentication.AddMicrosoftIdentityWebApp(configuration.GetSection("AzureAd"));

            // The Store App signs in with Entra ID too and calls the API with an Entra access token.
            authentication.AddMicrosoftIdentityWebApi(configuration.GetSection("AzureAd"), ExpertTokens.EntraScheme);
            services.Configure<JwtBearerOptions>(ExpertTokens.EntraScheme, o =>
            {
                var received = o.Events.OnMessageReceived;
                o.Events.OnMessageReceived = async context =>
                {
                    await received(context);
                    context.Token ??= ExpertTokens.HubQueryToken(context.Request);
                };
            });
            expertSchemes = [ExpertTokens.EntraScheme];
            services.AddTransient<IClaimsTransformation, EntraStaffClaimsTransformation>();
            services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, ConfigureCookie);
        }
        else
        {
            authentication = services.AddAuthentication(IdentityConstants.ApplicationScheme);
            authentication.AddIdentityCookies();

            // The Store App signs in with email and password and gets a bearer token (keys in Data Protection).
            authentication.AddBearerToken(ExpertTokens.Scheme, o =>
            {
                o.BearerTokenExpiration = ExpertTokens.AccessTokenLifetime;
                o.RefreshTokenExpiration = ExpertTokens.RefreshTokenLifetime;
                o.Events.OnMessageReceived = context =>
                {
                    context.Token ??= ExpertTokens.HubQueryToken(context.Request);
                    return Task.CompletedTask;
                };
            });
            expertSchemes = [ExpertTokens.Scheme];
            services.AddIdentityCore<ApplicationUser>(o =>
                {
                    o.User.RequireUniqueEmail = true;
                    o.Password.RequiredLength = 10;
                    o.Password.RequireNonAlphanumeric = false;
                    // Wrong passwords do not lock accounts (anyone knowing an email could lock its owner out):
                    // StaffPasswordCheck throttles them per account and address instead (SignInLimits).
                    o.Lockout.AllowedForNewUsers = true;
                })
                .AddSignInManager()
                .AddEntityFrameworkStores<VirtualShoppingDbContext>()
                .AddDefaultTokenProviders()
                .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();
            services.Configure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, ConfigureCookie);
            // Every request checks the cookie's security stamp: sign-out, deactivation, a password or role change
            // (each of which renews the stamp) end every copy of an earlier cookie at once.
            services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        }

        authentication.AddScheme<AuthenticationSchemeOptions, ShopperAuthenticationHandler>(ShopperSession.Scheme, null);
        authentication.AddScheme<AuthenticationSchemeOptions, Features.Orders.MerchantApiKeyAuthenticationHandler>(Features.Orders.MerchantApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<ShopperSessionTokens>();
        services.AddAuthorization(o => o.AddVirtualShoppingPolicies(expertSchemes));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingStaffAuthenticationStateProvider>();
        return services;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie)
    {
        cookie.LoginPath = "/account/login";
        cookie.LogoutPath = "/account/logout";
        cookie.AccessDeniedPath = "/account/access-denied";
        cookie.Cookie.Name = "vs.auth";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.SlidingExpiration = true;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(8);

        // The API answers with status codes (and problem details), never with a redirect to the sign-in page.
        cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
