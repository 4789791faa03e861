using System.ComponentModel.DataAnnotations;

namespace VirtualShopping.Web.Features.Account;

/// <summary>
/// How hard password and join-code guessing is throttled (section `SignInLimits`). Wrong passwords are
/// counted per account and client address and per account overall, in fixed windows; the overall limit is
/// well above the per-address one, so a single stranger can slow their own guesses down but cannot shut a
/// colleague out.
/// </summary>
public sealed class SignInLimitOptions
{
    public const string Section = "SignInLimits";

    /// <summary>Sign-in attempts (dashboard form and Store App token) per minute from one client address.</summary>
    [Range(1, 1_000_000)]
    public int IpPermitsPerMinute { get; set; } = 30;

    /// <summary>Join-code submissions per minute from one client address.</summary>
    [Range(1, 1_000_000)]
    public int JoinPermitsPerMinute { get; set; } = 10;

    /// <summary>Wrong passwords for one account from one client address per window.</summary>
    [Range(1, 1_000_000)]
    public int AccountIpFailures { get; set; } = 5;

    /// <summary>Wrong passwords for one account from all addresses together per window.</summary>
    [Range(1, 1_000_000)]
    public int AccountFailures { get; set; } = 30;

    [Range(1, 24 * 60)]
    public int FailureWindowMinutes { get; set; } = 15;
}
