namespace VirtualShopping.Benchmarks;

/// <summary>What the experts and shoppers measured during a run of the real app; cleared after the warm-up chat.</summary>
internal sealed class ChatLoadMetrics
{
    private int claimsInFlight;
    private int typingSignals;
    private int declines;
    private int availabilityChanges;
    private long hubMessages;

    /// <summary>From an expert's hub receiving offerReceived to their claim's 200.</summary>
    public LatencySamples ClaimLatency { get; } = new();

    /// <summary>From the shopper starting the POST of a message to the claiming expert's hub receiving it.</summary>
    public LatencySamples MessageLatency { get; } = new();

    /// <summary>From the shopper starting to send a message to the server's acknowledgement (the POST's 201 or the hub invocation's result).</summary>
    public LatencySamples AckLatency { get; } = new();

    /// <summary>409 answers to claims, by the reason the API gave (TakenByColleague, AtChatLimit, ...).</summary>
    public ProblemTally ClaimConflicts { get; } = new();

    /// <summary>Anything else that went wrong: failed requests, chats never claimed, lost messages.</summary>
    public ProblemTally Problems { get; } = new();

    public int ClaimsInFlight => Volatile.Read(ref claimsInFlight);

    /// <summary>Typing signals the realistic shoppers sent.</summary>
    public int TypingSignals => Volatile.Read(ref typingSignals);

    /// <summary>Offers the realistic experts declined.</summary>
    public int Declines => Volatile.Read(ref declines);

    /// <summary>Times a realistic expert went unavailable (each one came back later).</summary>
    public int AvailabilityChanges => Volatile.Read(ref availabilityChanges);

    public void Typed() => Interlocked.Increment(ref typingSignals);

    public void Declined() => Interlocked.Increment(ref declines);

    public void WentAway() => Interlocked.Increment(ref availabilityChanges);

    /// <summary>
    /// Hub messages the experts' connections carried: every push they received, and two per claim over the hub
    /// (the invocation and its completion). For the transport floor of routing.
    /// </summary>
    public long HubMessages => Interlocked.Read(ref hubMessages);

    public void HubMessage(int count = 1) => Interlocked.Add(ref hubMessages, count);

    public void ClaimStarted() => Interlocked.Increment(ref claimsInFlight);

    public void ClaimEnded() => Interlocked.Decrement(ref claimsInFlight);

    public void Clear()
    {
        ClaimLatency.Clear();
        MessageLatency.Clear();
        AckLatency.Clear();
        Interlocked.Exchange(ref typingSignals, 0);
        Interlocked.Exchange(ref declines, 0);
        Interlocked.Exchange(ref availabilityChanges, 0);
        Interlocked.Exchange(ref hubMessages, 0);
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
