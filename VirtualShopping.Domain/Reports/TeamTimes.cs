namespace VirtualShopping.Domain.Reports;

/// <summary>
/// The team performance times of one chat, in whole seconds (floored, never negative): claim time from the chat
/// (re)entering the queue to its claim, first response from the claim to the expert's first message to the shopper,
/// duration from the claim to the end.
/// </summary>
public static class TeamTimes
{
    public static int WholeSeconds(TimeSpan time) => (int)Math.Clamp(Math.Floor(time.TotalSeconds), 0, int.MaxValue);

    /// <summary>Claim time: from the chat (re)entering the queue (never before it started: older rows may lack QueuedAt) to its claim.</summary>
    public static int? ClaimTime(DateTimeOffset startedAt, DateTimeOffset queuedAt, DateTimeOffset? claimedAt) =>
        Between(queuedAt > startedAt ? queuedAt : startedAt, claimedAt);

    public static int? Between(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } start && to is { } end ? WholeSeconds(end - start) : null;
}
