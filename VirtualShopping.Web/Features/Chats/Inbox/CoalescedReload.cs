namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Runs a reload once a burst of live events has calmed down: every <see cref="Request"/> pushes the run back by the
/// delay, so ten messages in a row cost one query. On the app's <see cref="TimeProvider"/>, so tests move the clock.
/// </summary>
public sealed class CoalescedReload(TimeProvider clock, TimeSpan delay, Func<Task> reload) : IDisposable
{
    /// <summary>How long the inbox waits after the last event before it reloads.</summary>
    public static readonly TimeSpan InboxDelay = TimeSpan.FromMilliseconds(200);

    private readonly Lock gate = new();
    private ITimer? timer;
    private bool disposed;

    public void Request()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            if (timer is null)
            {
                timer = clock.CreateTimer(_ => _ = reload(), null, delay, Timeout.InfiniteTimeSpan);
            }
            else
            {
                timer.Change(delay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            timer?.Dispose();
            timer = null;
        }
    }
}
