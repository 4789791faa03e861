using System.Text.RegularExpressions;

namespace VirtualShopping.Domain.Notifications;

/// <summary>
/// How a scheduled email that failed is tried again: after 1, 5, 30 and 120 minutes, then given up after the fifth
/// attempt. An attempt claims its ledger row for <see cref="Lease"/>: a row still pending after it belongs to an
/// instance that stopped between claiming and sending, and is tried again.
/// </summary>
public static partial class EmailRetryPolicy
{
    public const int MaxAttempts = 5;

    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan[] Delays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(120)];

    /// <summary>When to try again after the failed attempt number <paramref name="attempts"/> (1-based); null to give up.</summary>
    public static DateTimeOffset? NextAttemptAfterFailure(int attempts, DateTimeOffset now) =>
        attempts is >= 1 and < MaxAttempts ? now + Delays[Math.Min(attempts, Delays.Length) - 1] : null;

    /// <summary>
    /// An error message fit for the ledger: one line, at most <see cref="EmailDispatch.MaxErrorLength"/> characters,
    /// with any email address (SMTP servers quote the recipient) replaced, so no personal data is kept.
    /// </summary>
    public static string CleanError(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = EmailAddress().Replace(message.ReplaceLineEndings(" "), "[address]").Trim();
        return line.Length > EmailDispatch.MaxErrorLength ? line[..EmailDispatch.MaxErrorLength] : line;
    }

    [GeneratedRegex(@"[^\s<>""'@]+@[^\s<>""'@]+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();
}
