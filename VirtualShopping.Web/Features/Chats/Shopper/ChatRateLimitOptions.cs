using System.ComponentModel.DataAnnotations;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>Requests per minute allowed on the anonymous chat endpoints.</summary>
public sealed class ChatRateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 1_000_000)]
    public int SessionPermitsPerMinute { get; set; } = 60;

    [Range(1, 1_000_000)]
    public int IpPermitsPerMinute { get; set; } = 600;
}
