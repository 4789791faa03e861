using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace VirtualShopping.Web.Features.Account;

/// <summary>
/// Throttles for guessing: per client address on the sign-in and join forms and the Store App token
/// (ASP.NET Core rate limiting, POSTs only), plus <see cref="SignInThrottle"/>'s per-account windows. Refusals
/// are 429 problem details with Retry-After.
/// </summary>
public static class SignInLimits
{
    /// <summary>Dashboard sign-in and the Store App token endpoint.</summary>
    public const string Policy = "sign-in";

    /// <summary>The invite-code join form.</summary>
    public const string JoinPolicy = "join";

    public static IServiceCollection AddSignInLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInLimitOptions>().Bind(configuration.GetSection(SignInLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<StaffPasswordCheck>();
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, http => PerAddress(http, Policy, limits => limits.IpPermitsPerMinute));
            o.AddPolicy(JoinPolicy, http => PerAddress(http, JoinPolicy, limits => limits.JoinPermitsPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, string policy, Func<SignInLimitOptions, int> permits)
    {
        // Showing a form costs nothing; only submitting one is an attempt.
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var limit = permits(http.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(
            policy + ":" + http.Connection.RemoteIpAddress,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true });
    }
}
