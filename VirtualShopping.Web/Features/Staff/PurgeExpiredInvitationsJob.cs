using Hangfire;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Staff;

/// <summary>
/// Nightly: deletes staff invitations that expired unused, for every merchant, so stale
/// sign-up links cannot linger. The invited person stays listed as "Invited" and can be re-invited.
/// </summary>
public sealed partial class PurgeExpiredInvitationsJob(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    TimeProvider clock,
    ILogger<PurgeExpiredInvitationsJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var purged = await db.StaffInvitations.IgnoreQueryFilters()
            .Where(i => i.AcceptedAt == null && i.ExpiresAt <= now)
            .ExecuteDeleteAsync(cancellationToken);
        LogPurged(logger, purged);
        return purged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired staff invitation(s)")]
    private static partial void LogPurged(ILogger logger, int count);
}
