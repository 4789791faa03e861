using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Limits on the anonymous chat endpoints: per verified shopper session (the endpoint policy) and per IP address
/// (a global limiter over the widget API and the shopper hub). A caller over a limit gets 429 problem
/// details with Retry-After, and nothing they sent is stored.
/// </summary>
public static class ChatRateLimits
{
    public const string Policy = "shopper";

    public static IServiceCollection AddChatRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatRateLimitOptions>().Bind(configuration.GetSection(ChatRateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var limits = configuration.GetSection(ChatRateLimitOptions.Section).Get<ChatRateLimitOptions>() ?? new ChatRateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, http =>
            {
                // Keyed on the verified session, not the header's spelling; a token that does not verify counts against the address.
                var session = http.RequestServices.GetRequiredService<ShopperSessionTokens>().Read(ShopperSession.BearerToken(http.Request));
                var key = session is { } verified ? $"session:{verified.ShopperId:N}" : "ip:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(limits.SessionPermitsPerMinute));
            });
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/api/v1/widget") || http.Request.Path.StartsWithSegments(ShopperHub.Path)
                    ? RateLimitPartition.GetFixedWindowLimiter("ip:" + http.Connection.RemoteIpAddress, _ => Window(limits.IpPermitsPerMinute))
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            o.OnRejected = (context, _) => new ValueTask(Errors.TooManyRequests.RejectAsync(
                context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1)));
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };
}
