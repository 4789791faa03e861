namespace VirtualShopping.Benchmarks;

/// <summary>What the experts and shoppers measured during a run of the real app; cleared after the warm-up chat.</summary>
internal sealed class ChatLoadMetrics
{
    private int claimsInFlight;

    /// <summary>From an expert's hub receiving offerReceived to their claim's 200.</summary>
    public LatencySamples ClaimLatency { get; } = new();

    /// <summary>From the shopper starting the POST of a message to the claiming expert's hub receiving it.</summary>
    public LatencySamples MessageLatency { get; } = new();

    /// <summary>409 answers to claims, by the reason the API gave (TakenByColleague, AtChatLimit, ...).</summary>
    public ProblemTally ClaimConflicts { get; } = new();

    /// <summary>Anything else that went wrong: failed requests, chats never claimed, lost messages.</summary>
    public ProblemTally Problems { get; } = new();

    public int ClaimsInFlight => Volatile.Read(ref claimsInFlight);

    public void ClaimStarted() => Interlocked.Increment(ref claimsInFlight);

    public void ClaimEnded() => Interlocked.Decrement(ref claimsInFlight);

    public void Clear()
    {
        ClaimLatency.Clear();
        MessageLatency.Clear();
        ClaimConflicts.Clear();
        Problems.Clear();
    }

    /// <summary>Waits until no claim is in flight (losers' 409s arrive after the winner's 200), at most the given time.</summary>
    public async Task SettleAsync(TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (ClaimsInFlight > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }
    }
}
