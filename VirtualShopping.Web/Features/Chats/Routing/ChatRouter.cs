using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Routes waiting chats to experts: waves of offers, claims, declines, expired offers, missed chats and
/// availability. Every step that more than one caller (or app instance) could race for is a conditional
/// update in the database that changes one row or none, so the database decides who wins.
/// </summary>
public sealed class ChatRouter(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    IChatNotifier notifier,
    TimeProvider clock,
    IOptions<ChatRoutingOptions> options,
    TransferOffers transfers,
    ILogger<ChatRouter> logger)
{
    /// <summary>The merchant's routing settings, or the defaults when none were saved.</summary>
    public static async Task<StoreAppSettings> SettingsAsync(VirtualShoppingDbContext db, CancellationToken cancellationToken) =>
        await db.StoreAppSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new StoreAppSettings();

    /// <summary>Sends the chat's next wave of offers if it is due; returns how many experts it reached.</summary>
    public async Task<int> DispatchWaveAsync(Guid chatId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var chat = await db.Chats.AsNoTracking().SingleOrDefaultAsync(c => c.Id == chatId, cancellationToken);
        if (chat is not { Status: ChatStatus.Waiting, NextWaveAt: { } due } || due > now || now >= chat.ClaimDeadline)
        {
            return 0;
        }

        var settings = await SettingsAsync(db, cancellationToken);
        var wave = chat.WavesSent;
        var next = RoutingPolicy.NextWaveAt(chat.QueuedAt, wave + 1, settings);
        var candidates = await CandidatesAsync(db, chat, settings, now, cancellationToken);
        var chosen = RoutingPolicy.ChooseWave(chat.Language, candidates, settings, wave);
        var spokenBefore = chosen.Count == 0
            ? []
            : await db.Chats.Where(c => c.ShopperId == chat.ShopperId && c.Id != chat.Id && c.ExpertId != null && chosen.Contains(c.ExpertId.Value))
                .Select(c => c.ExpertId!.Value).Distinct().ToListAsync(cancellationToken);
        var expiresAt = RoutingPolicy.OfferExpiresAt(now, chat.ClaimDeadline, settings);
        var offers = chosen.Select(expert => new ChatOffer
        {
            ChatId = chat.Id,
            StaffMemberId = expert,
            Wave = wave,
            OfferedAt = now,
            ExpiresAt = expiresAt,
            SpokenBefore = spokenBefore.Contains(expert),
        }).ToList();

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Only one caller sends wave N: the one whose update moves the counter from N to N + 1.
            var won = await db.Chats
                .Where(c => c.Id == chat.Id && c.Status == ChatStatus.Waiting && c.WavesSent == wave)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.WavesSent, wave + 1).SetProperty(c => c.NextWaveAt, next), cancellationToken);
            if (won == 0)
            {
                return 0;
            }

            db.ChatOffers.AddRange(offers);
            await db.SaveChangesAsync(cancellationToken);
            if (chosen.Count > 0)
            {
                await db.StaffMembers.Where(s => chosen.Contains(s.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.OffersReceived, m => m.OffersReceived + 1), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (offers.Count > 0)
        {
            var department = await db.Departments.Where(d => d.Id == chat.DepartmentId).Select(d => d.Name).SingleAsync(cancellationToken);
            var colleagues = await db.ChatOffers.CountAsync(o => o.ChatId == chat.Id && o.Status == OfferStatus.Pending, cancellationToken);
            foreach (var offer in offers)
            {
                await notifier.OfferMadeAsync(offer.StaffMemberId, ViewOf(offer, chat, department, colleagues - 1, settings));
            }
        }

        logger.WaveSent(chat.Id, wave + 1, offers.Count);
        return offers.Count;
    }

    /// <summary>An expert claims an offered chat. Exactly one claim per chat succeeds; the others' offers are withdrawn.</summary>
    public async Task<ClaimOutcome> ClaimAsync(Guid staffMemberId, Guid offerId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var offer = await db.ChatOffers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == offerId && o.StaffMemberId == staffMemberId, cancellationToken);
        if (offer is null)
        {
            return ClaimOutcome.NotFound;
        }

        if (offer.Kind == OfferKind.Transfer)
        {
            return await transfers.AcceptAsync(offer, cancellationToken);
        }

        var chat = await db.Chats.AsNoTracking().SingleAsync(c => c.Id == offer.ChatId, cancellationToken);
        var settings = await SettingsAsync(db, cancellationToken);
        var expert = await db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == staffMemberId, cancellationToken);
        var activeChats = await db.Chats.CountAsync(c => c.ExpertId == staffMemberId && c.Status == ChatStatus.Active, cancellationToken);
        var refusal = RoutingPolicy.CanClaim(chat, offer, activeChats, settings, now);
        if (refusal != ClaimRefusal.None)
        {
            return new ClaimOutcome(null, refusal);
        }

        List<PendingOffer> losers;
        var limit = settings.MaxSimultaneousChats;
        var store = await ExpertStore.ForAsync(db, staffMemberId, chat.DepartmentId, now, cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The expert's own row first: their claims queue up behind each other on every database, so the
            // chat limit below counts the claim that went before (in parallel, across instances).
            var claimMilliseconds = (long)(now - offer.OfferedAt).TotalMilliseconds;
            await db.StaffMembers.Where(s => s.Id == staffMemberId).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.OffersClaimed, m => m.OffersClaimed + 1)
                    .SetProperty(m => m.ClaimMillisecondsTotal, m => m.ClaimMillisecondsTotal + claimMilliseconds)
                    .SetProperty(m => m.ConsecutiveDeclines, 0)
                    .SetProperty(m => m.ConsecutiveMissedOffers, 0),
                cancellationToken);
            var offerTaken = await db.ChatOffers
                .Where(o => o.Id == offerId && o.Status == OfferStatus.Pending && o.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OfferStatus.Claimed).SetProperty(o => o.RespondedAt, now), cancellationToken);
            var chatTaken = offerTaken == 1 && await db.Chats
                .Where(c => c.Id == chat.Id && c.Status == ChatStatus.Waiting && c.ClaimDeadline > now
                            && db.Chats.Count(held => held.ExpertId == staffMemberId && held.Status == ChatStatus.Active) < limit)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.Status, ChatStatus.Active)
                        .SetProperty(c => c.ExpertId, staffMemberId)
                        .SetProperty(c => c.ExpertName, expert.DisplayName)
                        .SetProperty(c => c.ExpertStoreName, store == null ? null : store.Value.Name)
                        .SetProperty(c => c.StoreId, store == null ? null : store.Value.Id)
                        .SetProperty(c => c.ClaimedAt, now)
                        .SetProperty(c => c.LastActivityAt, now)
                        .SetProperty(c => c.NextWaveAt, (DateTimeOffset?)null),
                    cancellationToken) == 1;
            if (!chatTaken)
            {
                await transaction.RollbackAsync(cancellationToken);
                var current = await db.Chats.AsNoTracking().SingleAsync(c => c.Id == chat.Id, cancellationToken);
                var currentOffer = await db.ChatOffers.AsNoTracking().SingleAsync(o => o.Id == offerId, cancellationToken);
                var holding = await db.Chats.CountAsync(c => c.ExpertId == staffMemberId && c.Status == ChatStatus.Active, cancellationToken);
                var why = RoutingPolicy.CanClaim(current, currentOffer, holding, settings, now);
                return new ClaimOutcome(null, why == ClaimRefusal.None ? ClaimRefusal.TakenByColleague : why);
            }

            losers = await WithdrawAsync(db.ChatOffers.Where(o => o.ChatId == chat.Id), now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var loser in losers)
        {
            await notifier.OfferWithdrawnAsync(loser.StaffMemberId, loser.Id, chat.Id, OfferWithdrawal.ClaimedByColleague);
        }

        // The joining line is stored before anyone is told, so it is message 1 and a shopper's reply cannot race it.
        var claimed = await db.Chats.AsNoTracking().SingleAsync(c => c.Id == chat.Id, cancellationToken);
        var joined = await ChatLog.AppendAsync(db, claimed, MessageSender.System, null, null, $"{expert.DisplayName} joined the chat.", null, now, cancellationToken);
        var view = ChatView.Of(claimed, now);
        await notifier.ChatChangedAsync(claimed.ShopperId, staffMemberId, view);
        await notifier.MessagePostedAsync(claimed.ShopperId, staffMemberId, MessageView.Of(joined));
        logger.ChatClaimed(chat.Id, staffMemberId, (long)(now - offer.OfferedAt).TotalMilliseconds);
        return new ClaimOutcome(view, ClaimRefusal.None);
    }

    /// <summary>An expert declines an offer; the chat passes on. The third decline in a row (or asking to) makes them unavailable.</summary>
    public async Task<ChatActionOutcome<bool>> DeclineAsync(Guid staffMemberId, Guid offerId, bool goUnavailable, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var offer = await db.ChatOffers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == offerId && o.StaffMemberId == staffMemberId, cancellationToken);
        if (offer is null)
        {
            return ChatActionOutcome<bool>.Fail(ChatProblemKind.NotFound, "There is no such offer for you.");
        }

        if (offer.Kind == OfferKind.Transfer)
        {
            // A reassignment the expert turns down: not a declined chat, so it never makes them unavailable.
            return await transfers.DeclineAsync(offer, cancellationToken);
        }

        var declined = await db.ChatOffers.Where(o => o.Id == offerId && o.Status == OfferStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OfferStatus.Declined).SetProperty(o => o.RespondedAt, now), cancellationToken);
        if (declined == 0)
        {
            return ChatActionOutcome<bool>.Fail(ChatProblemKind.Conflict, "This offer is no longer open: it was claimed, withdrawn or ran out.");
        }

        await db.StaffMembers.Where(s => s.Id == staffMemberId).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.ConsecutiveDeclines, m => m.ConsecutiveDeclines + 1).SetProperty(m => m.ConsecutiveMissedOffers, 0),
            cancellationToken);
        var inARow = await db.StaffMembers.Where(s => s.Id == staffMemberId).Select(s => s.ConsecutiveDeclines).SingleAsync(cancellationToken);
        var unavailable = goUnavailable || RoutingPolicy.GoesUnavailableAfter(inARow);
        if (unavailable)
        {
            await SetAvailabilityAsync(
                staffMemberId,
                false,
                goUnavailable ? "You declined the chat and went unavailable." : $"You declined {RoutingPolicy.ConsecutiveLimit} chats in a row, so you are now unavailable.",
                cancellationToken);
        }

        await PassOnAsync(offer.ChatId, cancellationToken);
        return ChatActionOutcome<bool>.Ok(unavailable);
    }

    /// <summary>
    /// Sets an expert available or unavailable. Going unavailable withdraws their pending offers (the chats pass
    /// on) and starts the decline and missed-offer counts afresh.
    /// </summary>
    public async Task SetAvailabilityAsync(Guid staffMemberId, bool available, string? reason = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.StaffMembers.Where(s => s.Id == staffMemberId).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.IsAvailable, available).SetProperty(m => m.ConsecutiveDeclines, 0).SetProperty(m => m.ConsecutiveMissedOffers, 0),
            cancellationToken);
        await notifier.AvailabilityChangedAsync(staffMemberId, new AvailabilityChange(available, reason));
        if (available)
        {
            return;
        }

        foreach (var offer in await WithdrawAsync(db.ChatOffers.Where(o => o.StaffMemberId == staffMemberId), now, cancellationToken))
        {
            await notifier.OfferWithdrawnAsync(staffMemberId, offer.Id, offer.ChatId, OfferWithdrawal.WentUnavailable);
            await PassOnAsync(offer.ChatId, cancellationToken);
        }
    }

    /// <summary>
    /// Resolves an offer whose countdown ran out: a missed offer for the expert if their app was showing it (the
    /// third in a row makes them unavailable; one that ran out while the app was down is not counted); the chat passes on.
    /// </summary>
    public async Task ExpireOfferAsync(Guid offerId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var offer = await db.ChatOffers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken);
        if (offer is null)
        {
            return;
        }

        if (offer.Kind == OfferKind.Transfer)
        {
            // Never a missed offer: the chat stays with its holder.
            await transfers.ExpireAsync(offer, cancellationToken);
            return;
        }

        var chatWaiting = await db.Chats.AnyAsync(c => c.Id == offer.ChatId && c.Status == ChatStatus.Waiting, cancellationToken);
        if (!chatWaiting)
        {
            // The chat was claimed, ended or missed while this offer was still showing: withdraw, not a miss.
            var withdrawn = await db.ChatOffers.Where(o => o.Id == offerId && o.Status == OfferStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OfferStatus.Withdrawn).SetProperty(o => o.RespondedAt, now), cancellationToken);
            if (withdrawn == 1)
            {
                await notifier.OfferWithdrawnAsync(offer.StaffMemberId, offer.Id, offer.ChatId, OfferWithdrawal.ChatClosed);
            }

            return;
        }

        var expired = await db.ChatOffers.Where(o => o.Id == offerId && o.Status == OfferStatus.Pending && o.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OfferStatus.Expired).SetProperty(o => o.RespondedAt, now), cancellationToken);
        if (expired == 0)
        {
            return;
        }

        await notifier.OfferWithdrawnAsync(offer.StaffMemberId, offer.Id, offer.ChatId, OfferWithdrawal.Expired);
        var connections = await db.ExpertConnections.AsNoTracking().Where(c => c.StaffMemberId == offer.StaffMemberId)
            .Select(c => new { c.ConnectedAt, c.LastSeenAt }).ToListAsync(cancellationToken);
        var renewal = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds) + TimeSpan.FromMilliseconds(4 * options.Value.SweepIntervalMilliseconds);
        var shown = connections.Any(c => RoutingPolicy.WasShownUntilExpiry(c.ConnectedAt, c.LastSeenAt, offer.ExpiresAt, renewal));
        if (shown)
        {
            await db.StaffMembers.Where(s => s.Id == offer.StaffMemberId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ConsecutiveMissedOffers, m => m.ConsecutiveMissedOffers + 1), cancellationToken);
        }

        var inARow = await db.StaffMembers.Where(s => s.Id == offer.StaffMemberId).Select(s => s.ConsecutiveMissedOffers).SingleAsync(cancellationToken);
        if (shown && RoutingPolicy.GoesUnavailableAfter(inARow))
        {
            await SetAvailabilityAsync(
                offer.StaffMemberId,
                false,
                $"You missed {RoutingPolicy.ConsecutiveLimit} chats in a row, so you are now unavailable.",
                cancellationToken);
        }

        await PassOnAsync(offer.ChatId, cancellationToken);
    }

    /// <summary>Turns a waiting chat nobody claimed in the claim period into a missed chat; the shopper may leave a message.</summary>
    public async Task MissChatAsync(Guid chatId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var missed = await db.Chats.Where(c => c.Id == chatId && c.Status == ChatStatus.Waiting && c.ClaimDeadline <= now)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.Status, ChatStatus.Missed).SetProperty(c => c.EndedAt, now).SetProperty(c => c.NextWaveAt, (DateTimeOffset?)null),
                cancellationToken);
        if (missed == 0)
        {
            return;
        }

        await WithdrawPendingOffersAsync(db, chatId, OfferWithdrawal.ChatClosed, now, cancellationToken);
        var chat = await db.Chats.AsNoTracking().SingleAsync(c => c.Id == chatId, cancellationToken);
        await notifier.ChatChangedAsync(chat.ShopperId, null, ChatView.Of(chat, now));
        logger.ChatMissed(chatId);
    }

    /// <summary>Withdraws a chat's pending offers and tells each expert why.</summary>
    public async Task WithdrawPendingOffersAsync(VirtualShoppingDbContext db, Guid chatId, OfferWithdrawal reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var offer in await WithdrawAsync(db.ChatOffers.Where(o => o.ChatId == chatId), now, cancellationToken))
        {
            await notifier.OfferWithdrawnAsync(offer.StaffMemberId, offer.Id, chatId, reason);
        }
    }

    /// <summary>Withdraws the pending ones among these offers and returns them, for telling their experts.</summary>
    private static async Task<List<PendingOffer>> WithdrawAsync(IQueryable<ChatOffer> offers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = offers.Where(o => o.Status == OfferStatus.Pending);
        var withdrawn = await pending.Select(o => new PendingOffer(o.Id, o.StaffMemberId, o.ChatId)).ToListAsync(cancellationToken);
        await pending.ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OfferStatus.Withdrawn).SetProperty(o => o.RespondedAt, now), cancellationToken);
        return withdrawn;
    }

    /// <summary>The offers counting down on an expert's phone now.</summary>
    public async Task<IReadOnlyList<OfferView>> PendingOffersAsync(Guid staffMemberId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await SettingsAsync(db, cancellationToken);
        var offers = await (
            from offer in db.ChatOffers
            join chat in db.Chats on offer.ChatId equals chat.Id
            join department in db.Departments on chat.DepartmentId equals department.Id
            where offer.StaffMemberId == staffMemberId && offer.Status == OfferStatus.Pending
                  && (offer.Kind == OfferKind.Transfer ? chat.Status == ChatStatus.Active : chat.Status == ChatStatus.Waiting)
            select new { offer, chat, department.Name, Colleagues = db.ChatOffers.Count(o => o.ChatId == chat.Id && o.Status == OfferStatus.Pending) - 1 })
            .AsNoTracking().ToListAsync(cancellationToken);
        return offers.Where(o => o.offer.ExpiresAt > now).OrderBy(o => o.offer.ExpiresAt)
            .Select(o => ViewOf(o.offer, o.chat, o.Name, o.Colleagues, settings)).ToList();
    }

    /// <summary>When the chat has no offer left counting down, the next wave goes out now instead of at its time.</summary>
    private async Task PassOnAsync(Guid chatId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var brought = await db.Chats
                .Where(c => c.Id == chatId && c.Status == ChatStatus.Waiting && c.NextWaveAt != null && c.NextWaveAt > now && c.ClaimDeadline > now
                            && !db.ChatOffers.Any(o => o.ChatId == c.Id && o.Status == OfferStatus.Pending))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextWaveAt, now), cancellationToken);
            if (brought == 0 && !await db.Chats.AnyAsync(c => c.Id == chatId && c.Status == ChatStatus.Waiting && c.NextWaveAt <= now, cancellationToken))
            {
                return;
            }
        }

        await DispatchWaveAsync(chatId, cancellationToken);
    }

    private async Task<List<ExpertCandidate>> CandidatesAsync(VirtualShoppingDbContext db, Chat chat, StoreAppSettings settings, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await CandidatesByDepartmentAsync(db, [chat.DepartmentId], chat.Id, now, cancellationToken))[chat.DepartmentId];

    /// <summary>
    /// What routing knows about every available expert, for each of these departments (for a chat, with whether
    /// they were offered it already): the input of <see cref="RoutingPolicy.IsEligible"/>.
    /// </summary>
    public async Task<Dictionary<Guid, List<ExpertCandidate>>> CandidatesByDepartmentAsync(
        VirtualShoppingDbContext db, IReadOnlyCollection<Guid> departmentIds, Guid? chatId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(departmentIds);
        var fresh = now.AddSeconds(-options.Value.ConnectionFreshnessSeconds);
        var experts = await db.StaffMembers.AsNoTracking()
            .Where(s => s.Status == StaffStatus.Active && s.Roles.HasFlag(StaffRoles.Expert) && s.IsAvailable)
            .Select(s => new
            {
                s.Id,
                s.IsAvailable,
                s.Languages,
                s.OffersReceived,
                s.OffersClaimed,
                s.ClaimMillisecondsTotal,
                Connected = db.ExpertConnections.Any(c => c.StaffMemberId == s.Id && c.LastSeenAt >= fresh),
                ActiveChats = db.Chats.Count(c => c.ExpertId == s.Id && c.Status == ChatStatus.Active),
                Offered = chatId != null && db.ChatOffers.Any(o => o.ChatId == chatId && o.StaffMemberId == s.Id && o.Kind == OfferKind.Routing
                    && o.OfferedAt >= db.Chats.Where(c => c.Id == chatId).Select(c => c.QueuedAt).First()),
                Teams = s.Teams.Where(t => t.IsActive)
                    .Select(t => new { t.StoreId, Departments = t.Departments.Where(d => !d.IsArchived && departmentIds.Contains(d.Id)).Select(d => d.Id).ToList() })
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        var open = await OpenStoresAsync(db, experts.SelectMany(e => e.Teams.Select(t => t.StoreId)).Distinct().ToList(), now, cancellationToken);
        return departmentIds.Distinct().ToDictionary(
            department => department,
            department => experts.Select(e =>
            {
                var stores = e.Teams.Where(t => t.Departments.Contains(department)).Select(t => t.StoreId).ToList();
                return new ExpertCandidate(
                    e.Id,
                    e.IsAvailable,
                    e.Connected,
                    e.ActiveChats,
                    stores.Count > 0,
                    stores.Any(open.Contains),
                    e.Languages,
                    ClaimScore.Of(e.OffersReceived, e.OffersClaimed, e.ClaimMillisecondsTotal),
                    e.Offered);
            }).ToList());
    }

    /// <summary>Of the given stores, those open now in their own time zones.</summary>
    public static async Task<HashSet<Guid>> OpenStoresAsync(VirtualShoppingDbContext db, IReadOnlyCollection<Guid> storeIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stores = await db.Stores.AsNoTracking().AsSplitQuery().Where(s => storeIds.Contains(s.Id) && s.Status == StoreStatus.Active).ToListAsync(cancellationToken);
        return stores.Where(s => s.IsOpenAt(now)).Select(s => s.Id).ToHashSet();
    }

    /// <summary>An offer as the expert's countdown screen shows it.</summary>
    public static OfferView ViewOf(ChatOffer offer, Chat chat, string department, int colleagues, StoreAppSettings settings) => new(
        offer.Id,
        chat.Id,
        department,
        chat.Language,
        chat.ShopperName,
        offer.OfferedAt,
        offer.ExpiresAt,
        settings.OfferCountdownSeconds,
        Math.Max(0, colleagues),
        offer.SpokenBefore,
        offer.Kind,
        offer.RequestedByName);

    private sealed record PendingOffer(Guid Id, Guid StaffMemberId, Guid ChatId);
}
