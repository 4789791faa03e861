using System.Collections.Concurrent;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Which shoppers have the widget open on this app instance (a shopper hub connection per tab). When the last
/// connection of a shopper closes they have left the site: the inbox shows it, and the expert's replies go to the
/// email they gave. Kept in memory like SignalR's own groups; a shopper connected to another instance counts as
/// offline here until a backplane shares presence.
/// </summary>
public sealed class ShopperPresence
{
    private readonly ConcurrentDictionary<Guid, int> connections = new();

    /// <summary>Counts a connection; true when the shopper just came online.</summary>
    public bool Connected(Guid shopperId) => connections.AddOrUpdate(shopperId, 1, (_, count) => count + 1) == 1;

    /// <summary>Forgets a connection; true when it was the shopper's last (they left the site).</summary>
    public bool Disconnected(Guid shopperId)
    {
        while (connections.TryGetValue(shopperId, out var count))
        {
            if (count <= 1 ? connections.TryRemove(new KeyValuePair<Guid, int>(shopperId, count)) : connections.TryUpdate(shopperId, count - 1, count))
            {
                return count <= 1;
            }
        }

        return false;
    }

    public bool IsOnline(Guid shopperId) => connections.ContainsKey(shopperId);
}
