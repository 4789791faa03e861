using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// An expert's open inbox counts as connected for routing exactly like a Store App connection: the same
/// <see cref="Domain.Chats.ExpertConnection"/> row, the same <see cref="ExpertConnectionRegistry"/> (heartbeat by the
/// sweep, freshness, abort on losing access). Opened when the inbox page becomes interactive, closed when the
/// circuit goes (dispose the handle).
/// </summary>
public sealed class InboxConnection(IDbContextFactory<VirtualShoppingDbContext> contexts, ExpertConnectionRegistry registry, IChatNotifier notifier, TimeProvider clock)
{
    /// <param name="abort">Called when the expert loses access (deactivated, role removed): the page stops working as an expert.</param>
    public Task<IAsyncDisposable> OpenAsync(Guid merchantId, Guid staffMemberId, Action abort, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException($"{contexts}{registry}{notifier}{clock}{merchantId}{staffMemberId}{abort}{cancellationToken}");
}
