using System.Collections.Concurrent;
using System.Diagnostics;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// Matches a message a sender is about to send with its arrival at the receiving hub, by the client message
/// id the server echoes back, and times the trip on one clock (both ends run in this process).
/// </summary>
internal sealed class MessageTracker
{
    private readonly ConcurrentDictionary<string, InFlight> inFlight = new(StringComparer.Ordinal);

    /// <summary>Call just before sending; the task completes with the latency in milliseconds when it arrives.</summary>
    public Task<double> Expect(string clientMessageId, string? receiver)
    {
        var message = new InFlight(Stopwatch.GetTimestamp(), receiver);
        inFlight[clientMessageId] = message;
        return message.Arrived.Task;
    }

    /// <summary>A hub received a message; returns false when it went to someone other than the expected receiver.</summary>
    public bool Arrived(string? clientMessageId, string receiver)
    {
        if (clientMessageId is null || !inFlight.TryRemove(clientMessageId, out var message))
        {
            return true;
        }

        message.Arrived.TrySetResult(Stopwatch.GetElapsedTime(message.SentAt).TotalMilliseconds);
        return message.Receiver is null || string.Equals(message.Receiver, receiver, StringComparison.Ordinal);
    }

    /// <summary>Stops waiting for a message (its send failed or it never came).</summary>
    public void Forget(string clientMessageId) => inFlight.TryRemove(clientMessageId, out _);

    private sealed record InFlight(long SentAt, string? Receiver)
    {
        public TaskCompletionSource<double> Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
