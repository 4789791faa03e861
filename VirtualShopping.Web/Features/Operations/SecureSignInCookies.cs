using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace VirtualShopping.Web.Features.Operations;

/// <summary>Every sign-in cookie (local or Entra ID) is marked Secure outside Development, whatever the request's scheme.</summary>
internal sealed class SecureSignInCookies(IHostEnvironment environment) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!environment.IsDevelopment())
        {
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        }
    }
}
