using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Resolves routing's due work from the database several times a second: expired offers, missed chats, due
/// waves and idle chats, for every merchant. It starts with a sweep, so after a restart (or in a second
/// instance) the waves and countdowns carry on from the database at once. Every step is a conditional
/// update, so instances sweeping side by side never resolve the same thing twice. Hangfire is not used for
/// this: its scheduler polls every 15 seconds, and countdowns need sub-second resolution. Each pass also closes
/// the expert connections this instance holds whose expert lost access (deactivated on any instance).
/// </summary>
public sealed class RoutingSweeper(
    IServiceScopeFactory scopes,
    ExpertConnectionRegistry registry,
    TimeProvider clock,
    IOptions<ChatRoutingOptions> options,
    ILogger<RoutingSweeper> logger) : BackgroundService
{
    private readonly TaskCompletionSource firstSweep = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset lastHeartbeat = DateTimeOffset.MinValue;
    private DateTimeOffset lastIdleCheck = DateTimeOffset.MinValue;

    /// <summary>Completes when the sweep at start-up has resolved what came due while the app was down.</summary>
    public Task FirstSweepDone => firstSweep.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SweepEnabled)
        {
            return;
        }

        var interval = TimeSpan.FromMilliseconds(options.Value.SweepIntervalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
                firstSweep.TrySetResult();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The sweep must keep running whatever one pass hits; the error is logged.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.SweepFailed(e);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass over everything due now.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        if (now - lastHeartbeat >= TimeSpan.FromSeconds(options.Value.HeartbeatSeconds) || now < lastHeartbeat)
        {
            var held = registry.ConnectionIds.ToList();
            if (held.Count > 0)
            {
                await db.ExpertConnections.IgnoreQueryFilters().Where(c => held.Contains(c.ConnectionId))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSeenAt, now), cancellationToken);
            }

            // Connections of instances that stopped without saying goodbye.
            var stale = now.AddSeconds(-options.Value.ConnectionFreshnessSeconds * 4);
            await db.ExpertConnections.IgnoreQueryFilters().Where(c => c.LastSeenAt < stale).ExecuteDeleteAsync(cancellationToken);
            lastHeartbeat = now;
        }

        await CloseRevokedConnectionsAsync(db, cancellationToken);

        // Each query reads only what is due, along an index: its cost does not grow with the chats that are not.
        var expiredOffers = await db.ChatOffers.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Status == OfferStatus.Pending && o.ExpiresAt <= now)
            .Select(o => new Due(o.Id, o.MerchantId)).ToListAsync(cancellationToken);
        var waiting = await db.Chats.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Status == ChatStatus.Waiting && (c.ClaimDeadline <= now || c.NextWaveAt <= now))
            .Select(c => new { c.Id, c.MerchantId, Missed = c.ClaimDeadline <= now }).ToListAsync(cancellationToken);
        var missedChats = waiting.Where(c => c.Missed).Select(c => new Due(c.Id, c.MerchantId)).ToList();
        var dueWaves = waiting.Where(c => !c.Missed).Select(c => new Due(c.Id, c.MerchantId)).ToList();
        List<Due> idleCandidates = [];
        if (now - lastIdleCheck >= TimeSpan.FromSeconds(5) || now < lastIdleCheck)
        {
            idleCandidates = await IdleDueAsync(db, now, cancellationToken);

            // Offers left pending on a chat that stopped waiting (an instance stopped between the two steps) are
            // withdrawn here; they would otherwise wait for their countdown, as ExpireOfferAsync withdraws them too.
            expiredOffers.AddRange(await db.ChatOffers.IgnoreQueryFilters().AsNoTracking()
                .Where(o => o.Status == OfferStatus.Pending && o.ExpiresAt > now && db.Chats.IgnoreQueryFilters().Any(
                    c => c.Id == o.ChatId && c.Status != (o.Kind == OfferKind.Transfer ? ChatStatus.Active : ChatStatus.Waiting)))
                .Select(o => new Due(o.Id, o.MerchantId)).ToListAsync(cancellationToken));
            lastIdleCheck = now;
        }

        var merchants = expiredOffers.Select(o => o.MerchantId).Concat(missedChats.Select(c => c.MerchantId))
            .Concat(dueWaves.Select(c => c.MerchantId)).Concat(idleCandidates.Select(c => c.MerchantId)).Distinct();
        foreach (var merchantId in merchants)
        {
            await using var merchantScope = scopes.CreateAsyncScope();
            merchantScope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
            var router = merchantScope.ServiceProvider.GetRequiredService<ChatRouter>();
            var conversation = merchantScope.ServiceProvider.GetRequiredService<ChatConversation>();
            foreach (var offer in expiredOffers.Where(o => o.MerchantId == merchantId))
            {
                await router.ExpireOfferAsync(offer.Id, cancellationToken);
            }

            foreach (var chat in missedChats.Where(c => c.MerchantId == merchantId))
            {
                await router.MissChatAsync(chat.Id, cancellationToken);
            }

            foreach (var chat in dueWaves.Where(c => c.MerchantId == merchantId))
            {
                await router.DispatchWaveAsync(chat.Id, cancellationToken);
            }

            foreach (var chat in idleCandidates.Where(c => c.MerchantId == merchantId))
            {
                await conversation.ApplyIdleTimeoutAsync(chat.Id, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Aborts the connections this instance holds whose rows are gone (their expert was deactivated, on any
    /// instance) or whose expert is no longer an active expert.
    /// </summary>
    private async Task CloseRevokedConnectionsAsync(VirtualShoppingDbContext db, CancellationToken cancellationToken)
    {
        var held = registry.ConnectionIds.ToList();
        if (held.Count == 0)
        {
            return;
        }

        var allowed = await (
            from connection in db.ExpertConnections.IgnoreQueryFilters()
            join staff in db.StaffMembers.IgnoreQueryFilters() on connection.StaffMemberId equals staff.Id
            where held.Contains(connection.ConnectionId) && staff.Status == StaffStatus.Active && staff.Roles.HasFlag(StaffRoles.Expert)
            select connection.ConnectionId).ToListAsync(cancellationToken);
        registry.Abort(held.Except(allowed));
    }

    /// <summary>
    /// The active chats whose idle warning or end is due under their merchant's settings: one query over the
    /// merchants' idle settings, one over the chats (a UNION ALL with one part per distinct setting).
    /// </summary>
    private static async Task<List<Due>> IdleDueAsync(VirtualShoppingDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var configured = await db.StoreAppSettings.IgnoreQueryFilters().AsNoTracking()
            .Select(s => new { s.MerchantId, s.IdleAutoEndMinutes, s.IdleWarningMinutes }).ToListAsync(cancellationToken);
        var defaults = new StoreAppSettings();
        var others = configured.Select(s => s.MerchantId).ToList();
        IQueryable<Chat> Part(Func<IQueryable<Chat>, IQueryable<Chat>> merchants, int endMinutes, int warningMinutes)
        {
            var endBy = now.AddMinutes(-endMinutes);
            var warnBy = now.AddMinutes(-(endMinutes - warningMinutes));
            return merchants(db.Chats.IgnoreQueryFilters().AsNoTracking())
                .Where(c => c.Status == ChatStatus.Active && (c.LastActivityAt <= endBy || (c.LastActivityAt <= warnBy && c.IdleWarningSentAt == null)));
        }

        var due = Part(q => q.Where(c => !others.Contains(c.MerchantId)), defaults.IdleAutoEndMinutes, defaults.IdleWarningMinutes);
        foreach (var group in configured.GroupBy(s => (s.IdleAutoEndMinutes, s.IdleWarningMinutes)))
        {
            var ids = group.Select(s => s.MerchantId).ToList();
            due = due.Concat(Part(q => q.Where(c => ids.Contains(c.MerchantId)), group.Key.IdleAutoEndMinutes, group.Key.IdleWarningMinutes));
        }

        return await due.Select(c => new Due(c.Id, c.MerchantId)).ToListAsync(cancellationToken);
    }

    private sealed record Due(Guid Id, Guid MerchantId);
}
