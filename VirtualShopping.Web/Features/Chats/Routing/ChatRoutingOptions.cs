using System.ComponentModel.DataAnnotations;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>How often routing looks for due work, and how long a Store App connection counts as live.</summary>
public sealed class ChatRoutingOptions
{
    public const string Section = "Routing";

    /// <summary>How often the sweep resolves expired offers, due waves, missed and idle chats (at most a second).</summary>
    [Range(50, 1000)]
    public int SweepIntervalMilliseconds { get; set; } = 250;

    /// <summary>How often this instance renews its experts' connections in the database.</summary>
    [Range(1, 60)]
    public int HeartbeatSeconds { get; set; } = 10;

    /// <summary>A connection not renewed for this long belongs to an instance that stopped; it no longer counts.</summary>
    [Range(5, 600)]
    public int ConnectionFreshnessSeconds { get; set; } = 45;

    /// <summary>Whether this instance runs the sweep (every instance may: each step is a conditional update).</summary>
    public bool SweepEnabled { get; set; } = true;
}
