using System.Collections.Concurrent;
using Hangfire.Server;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// A Hangfire server filter that tells tests when a job of a kind has run to the end, so they await the
/// job itself instead of watching the clock.
/// </summary>
public sealed class JobSignals : IServerFilter
{
    private readonly ConcurrentDictionary<Type, ConcurrentQueue<TaskCompletionSource>> waiters = new();

    /// <summary>Completes (within 20 s) when the next job of this kind has finished without an error; ask before starting it.</summary>
    public Task NextPerformedAsync<TJob>()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiters.GetOrAdd(typeof(TJob), _ => new()).Enqueue(done);
        return done.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public void OnPerforming(PerformingContext context)
    {
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Exception is null && waiters.TryGetValue(context.BackgroundJob.Job.Type, out var queue) && queue.TryDequeue(out var done))
        {
            done.TrySetResult();
        }
    }
}
