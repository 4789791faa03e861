using System.Collections.Concurrent;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The expert connections this app instance holds (Store App hub connections and open web inboxes), whose database rows it keeps fresh; a closed
/// connection is signalled once its row is gone (routing no longer counts it). A held connection can be
/// aborted: when its expert loses access (here at once, or by the sweep when the row is gone or revoked).
/// </summary>
public sealed class ExpertConnectionRegistry
{
    private readonly ConcurrentDictionary<string, Held> connections = new();

    /// <param name="abort">Closes the connection from the server side (a hub passes <c>Context.Abort</c>; the inbox its page's callback).</param>
    public void Add(string connectionId, Guid staffMemberId, Action abort) =>
        connections[connectionId] = new Held(staffMemberId, abort, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Called once the connection's row has been removed.</summary>
    public void Remove(string connectionId)
    {
        if (connections.TryRemove(connectionId, out var held))
        {
            held.Closed.TrySetResult();
        }
    }

    /// <summary>Completes when the connection is closed and forgotten (at once for one this instance does not hold).</summary>
    public Task ClosedAsync(string connectionId) =>
        connections.TryGetValue(connectionId, out var held) ? held.Closed.Task : Task.CompletedTask;

    public IReadOnlyCollection<string> ConnectionIds => connections.Keys.ToList();

    /// <summary>Closes these connections from the server side; each then goes through the hub's normal disconnect.</summary>
    public void Abort(IEnumerable<string> connectionIds)
    {
        foreach (var id in connectionIds)
        {
            if (connections.TryGetValue(id, out var held))
            {
                held.Abort();
            }
        }
    }

    /// <summary>Closes every connection this instance holds for the expert.</summary>
    public void AbortExpert(Guid staffMemberId) =>
        Abort(connections.Where(c => c.Value.StaffMemberId == staffMemberId).Select(c => c.Key).ToList());

    private sealed record Held(Guid StaffMemberId, Action Abort, TaskCompletionSource Closed);
}
