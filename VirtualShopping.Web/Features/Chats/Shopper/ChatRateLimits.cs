using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Limits on the anonymous chat endpoints: per verified shopper session (the endpoint policy) and per IP address
/// (a global limiter over the widget API and the shopper hub). A caller over a limit gets 429 problem
/// details with Retry-After, and nothing they sent is stored. A message sent over the shopper hub counts against the
/// same two windows as one sent over REST (<see cref="TryAcquireForHub"/>).
/// </summary>
public sealed class ChatRateLimits : IDisposable
{
    public const string Policy = "shopper";


    internal ChatRateLimits(ChatRateLimitOptions limits)
    {
        Sessions = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(limits.SessionPermitsPerMinute)));
        Addresses = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(limits.IpPermitsPerMinute)));
    }

    /// <summary>The per-session windows, by "session:{id}" (or "ip:{address}" for a token that does not verify).</summary>
    internal PartitionedRateLimiter<string> Sessions { get; }

    /// <summary>The per-address windows, by "ip:{address}".</summary>
    internal PartitionedRateLimiter<string> Addresses { get; }

    /// <summary>
    /// For a hub call that is worth a REST request (a message): takes a permit from the caller's address window and
    /// their session window; null when both gave one, otherwise the wait the REST answer's Retry-After would give.
    /// </summary>
    public TimeSpan? TryAcquireForHub(Guid shopperId, IPAddress? address)
    {
        foreach (var (limiter, key) in new[] { (Addresses, AddressKey(address)), (Sessions, SessionKey(shopperId)) })
        {
            using var lease = limiter.AttemptAcquire(key);
            if (!lease.IsAcquired)
            {
                return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            }
        }

        return null;
    }

    public void Dispose()
    {
        Sessions.Dispose();
        Addresses.Dispose();
    }

    internal static string SessionKey(Guid shopperId) => $"session:{shopperId:N}";

    internal static string AddressKey(IPAddress? address) => "ip:" + address;

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    /// <summary>The middleware's limiter for one key: takes its permits from the shared window of that key, so the hub and REST share it.</summary>
    internal sealed class SharedWindow(PartitionedRateLimiter<string> shared, string key) : RateLimiter
    {
        private long lastUsed = System.Diagnostics.Stopwatch.GetTimestamp();

        public override TimeSpan? IdleDuration => System.Diagnostics.Stopwatch.GetElapsedTime(Interlocked.Read(ref lastUsed));

        public override RateLimiterStatistics? GetStatistics() => shared.GetStatistics(key);

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            Interlocked.Exchange(ref lastUsed, System.Diagnostics.Stopwatch.GetTimestamp());
            return shared.AttemptAcquire(key, permitCount);
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref lastUsed, System.Diagnostics.Stopwatch.GetTimestamp());
            return shared.AcquireAsync(key, permitCount, cancellationToken);
        }
    }
}

/// <summary>Registers <see cref="ChatRateLimits"/> and the rate limiter middleware's policies over its windows.</summary>
public static class ChatRateLimitSetup
{
    public static IServiceCollection AddChatRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatRateLimitOptions>().Bind(configuration.GetSection(ChatRateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var limits = new ChatRateLimits(configuration.GetSection(ChatRateLimitOptions.Section).Get<ChatRateLimitOptions>() ?? new ChatRateLimitOptions());
        services.AddSingleton(limits);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(ChatRateLimits.Policy, http =>
            {
                // Keyed on the verified session, not the header's spelling; a token that does not verify counts against the address.
                var session = http.RequestServices.GetRequiredService<ShopperSessionTokens>().Read(ShopperSession.BearerToken(http.Request));
                var key = session is { } verified ? ChatRateLimits.SessionKey(verified.ShopperId) : ChatRateLimits.AddressKey(http.Connection.RemoteIpAddress);
                return RateLimitPartition.Get(key, k => new ChatRateLimits.SharedWindow(limits.Sessions, k));
            });
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/api/v1/widget") || http.Request.Path.StartsWithSegments(ShopperHub.Path)
                    ? RateLimitPartition.Get(ChatRateLimits.AddressKey(http.Connection.RemoteIpAddress), k => new ChatRateLimits.SharedWindow(limits.Addresses, k))
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            o.OnRejected = (context, _) => new ValueTask(Errors.TooManyRequests.RejectAsync(
                context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1)));
        });
        return services;
    }

}
