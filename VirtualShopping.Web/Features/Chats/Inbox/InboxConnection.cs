using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// An expert's open inbox counts as connected for routing exactly like a Store App connection: the same
/// <see cref="Domain.Chats.ExpertConnection"/> row, the same <see cref="ExpertConnectionRegistry"/> (heartbeat by the
/// sweep, freshness, abort on losing access). Opened when the inbox page becomes interactive, closed when the
/// circuit goes (dispose the handle).
/// </summary>
public sealed class InboxConnection(IDbContextFactory<VirtualShoppingDbContext> contexts, ExpertConnectionRegistry registry, IChatNotifier notifier, TimeProvider clock, MerchantScope scope)
{
    /// <summary>The prefix of an inbox connection's id (a Store App connection has SignalR's id).</summary>
    public const string ConnectionPrefix = "inbox:";

    /// <param name="abort">Called when the expert loses access (deactivated, role removed): the page stops working as an expert.</param>
    public async Task<IAsyncDisposable> OpenAsync(Guid merchantId, Guid staffMemberId, Action abort, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(abort);
        if (scope.MerchantId is null)
        {
            scope.Use(merchantId);
        }

        var now = clock.GetUtcNow();
        var connectionId = ConnectionPrefix + Guid.NewGuid().ToString("N");
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.ExpertConnections.Add(new ExpertConnection { ConnectionId = connectionId, MerchantId = merchantId, StaffMemberId = staffMemberId, ConnectedAt = now, LastSeenAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }

        var aborted = 0;
        registry.Add(connectionId, staffMemberId, () =>
        {
            // The sweep aborts a revoked connection on every pass until it is closed: the page hears it once.
            if (Interlocked.Exchange(ref aborted, 1) == 0)
            {
                abort();
            }
        });
        await notifier.TeamChangedAsync(staffMemberId);
        return new Handle(this, connectionId, staffMemberId);
    }

    private async Task CloseAsync(string connectionId, Guid staffMemberId)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.ExpertConnections.IgnoreQueryFilters().Where(c => c.ConnectionId == connectionId).ExecuteDeleteAsync();
        }
        finally
        {
            registry.Remove(connectionId);
        }

        await notifier.TeamChangedAsync(staffMemberId);
    }

    private sealed class Handle(InboxConnection owner, string connectionId, Guid staffMemberId) : IAsyncDisposable
    {
        private int closed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref closed, 1) == 0)
            {
                await owner.CloseAsync(connectionId, staffMemberId);
            }
        }
    }
}
