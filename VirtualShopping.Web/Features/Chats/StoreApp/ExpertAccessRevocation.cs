using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// What deactivating a staff member means for the realtime side: their Store App connections close at once on
/// every instance (their rows go, so each instance's sweep aborts what it holds; this instance aborts now),
/// their pending offers pass on, and their active chats go back to routing with the shopper told.
/// </summary>
public sealed class ExpertAccessRevocation(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    ExpertConnectionRegistry registry,
    ChatRouter router,
    IChatNotifier notifier,
    TimeProvider clock,
    ILogger<ExpertAccessRevocation> logger)
{
    public const string HandedBackText = "Your expert is no longer available. We are finding you another one.";

    /// <summary>Call after the staff member's deactivation is saved (in their merchant's scope).</summary>
    public async Task RevokeAsync(Guid staffMemberId, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.ExpertConnections.Where(c => c.StaffMemberId == staffMemberId).ExecuteDeleteAsync(cancellationToken);
        }

        registry.AbortExpert(staffMemberId);
        await router.SetAvailabilityAsync(staffMemberId, false, ActiveExpertHubFilter.NoAccess, cancellationToken);

        List<Guid> held;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            held = await db.Chats.Where(c => c.ExpertId == staffMemberId && c.Status == ChatStatus.Active).Select(c => c.Id).ToListAsync(cancellationToken);
        }

        foreach (var chatId in held)
        {
            await HandBackAsync(chatId, staffMemberId, cancellationToken);
        }
    }

    /// <summary>
    /// Puts a chat the expert held back in the queue, history and all: the shopper is told, and every eligible
    /// colleague is offered it at once (the ones who only lost it to this expert's claim too); if nobody claims it
    /// within one countdown it becomes a missed chat and the shopper may leave a message.
    /// </summary>
    private async Task HandBackAsync(Guid chatId, Guid staffMemberId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await ChatRouter.SettingsAsync(db, cancellationToken);
        var (wavesSent, claimDeadline) = RoutingPolicy.HandBack(now, settings);
        var handedBack = await db.Chats.Where(c => c.Id == chatId && c.Status == ChatStatus.Active && c.ExpertId == staffMemberId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.Status, ChatStatus.Waiting)
                    .SetProperty(c => c.ExpertId, (Guid?)null)
                    .SetProperty(c => c.ExpertName, (string?)null)
                    .SetProperty(c => c.ClaimedAt, (DateTimeOffset?)null)
                    .SetProperty(c => c.WavesSent, wavesSent)
                    .SetProperty(c => c.NextWaveAt, now)
                    .SetProperty(c => c.ClaimDeadline, claimDeadline)
                    .SetProperty(c => c.LastActivityAt, now)
                    .SetProperty(c => c.IdleWarningSentAt, (DateTimeOffset?)null),
                cancellationToken);
        if (handedBack == 0)
        {
            return;
        }

        // Offers withdrawn when this expert claimed were never answered: those colleagues may be offered it again.
        await db.ChatOffers.Where(o => o.ChatId == chatId && o.Status == OfferStatus.Withdrawn).ExecuteDeleteAsync(cancellationToken);
        var chat = await db.Chats.AsNoTracking().SingleAsync(c => c.Id == chatId, cancellationToken);
        var line = await ChatLog.AppendAsync(db, chat, MessageSender.System, null, null, HandedBackText, null, now, cancellationToken);
        await notifier.MessagePostedAsync(chat.ShopperId, null, MessageView.Of(line));
        await notifier.ChatChangedAsync(chat.ShopperId, null, ChatView.Of(chat, now));
        logger.ChatHandedBack(chatId, staffMemberId);
        await router.DispatchWaveAsync(chatId, cancellationToken);
    }
}
