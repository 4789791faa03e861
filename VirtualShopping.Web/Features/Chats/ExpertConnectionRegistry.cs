using System.Collections.Concurrent;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>The expert hub connections this app instance holds, whose database rows it keeps fresh.</summary>
public sealed class ExpertConnectionRegistry
{
    private readonly ConcurrentDictionary<string, Guid> connections = new();

    public void Add(string connectionId, Guid merchantId) => connections[connectionId] = merchantId;

    public void Remove(string connectionId) => connections.TryRemove(connectionId, out _);

    public IReadOnlyCollection<string> ConnectionIds => connections.Keys.ToList();
}
