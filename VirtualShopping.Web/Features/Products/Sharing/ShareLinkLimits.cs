using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace VirtualShopping.Web.Features.Products;

/// <summary>
/// The per-address window of share link opens (<see cref="ShareLinkOptions.IpOpensPerMinute"/>), keyed on the
/// connection's address: headers such as X-Forwarded-For are not trusted, so a caller cannot pick a fresh window.
/// </summary>
public sealed class ShareLinkLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> addresses;

    public ShareLinkLimits(IOptions<ShareLinkOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var permits = options.Value.IpOpensPerMinute;
        addresses = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(
            key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <summary>Null when the address may open one more link now, otherwise how long it should wait.</summary>
    public TimeSpan? TryOpen(IPAddress? address)
    {
        using var lease = addresses.AttemptAcquire("ip:" + address);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => addresses.Dispose();
}
