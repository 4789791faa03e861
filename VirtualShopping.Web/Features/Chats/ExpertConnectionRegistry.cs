using System.Collections.Concurrent;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The expert hub connections this app instance holds, whose database rows it keeps fresh; a closed
/// connection is signalled once its row is gone (routing no longer counts it).
/// </summary>
public sealed class ExpertConnectionRegistry
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> connections = new();

    public void Add(string connectionId) =>
        connections[connectionId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Called once the connection's row has been removed.</summary>
    public void Remove(string connectionId)
    {
        if (connections.TryRemove(connectionId, out var closed))
        {
            closed.TrySetResult();
        }
    }

    /// <summary>Completes when the connection is closed and forgotten (at once for one this instance does not hold).</summary>
    public Task ClosedAsync(string connectionId) =>
        connections.TryGetValue(connectionId, out var closed) ? closed.Task : Task.CompletedTask;

    public IReadOnlyCollection<string> ConnectionIds => connections.Keys.ToList();
}
