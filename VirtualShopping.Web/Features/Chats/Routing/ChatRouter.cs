using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Features.Reports;

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
    ClaimMemory memory,
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
        var found = await db.Chats.AsNoTracking().Where(c => c.Id == chatId)
            .Select(c => new { Chat = c, Department = db.Departments.Where(d => d.Id == c.DepartmentId).Select(d => d.Name).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is not { Chat: { Status: ChatStatus.Waiting, NextWaveAt: { } due } chat } || due > now || now >= chat.ClaimDeadline)
        {
            return 0;
        }

        return await SendWaveAsync(db, chat, found.Department ?? string.Empty, await SettingsAsync(db, cancellationToken), null, cancellationToken);
    }

    /// <summary>
    /// Sends the wave numbered <see cref="Chat.WavesSent"/> of a waiting chat the caller has just read, with its
    /// department's name and the merchant's settings; <paramref name="stores"/> are stores the caller already knows
    /// open or closed now. The offers are written in one statement; the experts are told without a query each.
    /// </summary>
    internal async Task<int> SendWaveAsync(
        VirtualShoppingDbContext db, Chat chat, string department, StoreAppSettings settings, IReadOnlyDictionary<Guid, StoreOpening>? stores, CancellationToken cancellationToken)
    {
        var plan = await PlanWaveAsync(db, chat, settings, stores, cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Only one caller sends wave N: the one whose update moves the counter from N to N + 1.
            var won = await db.Chats
                .Where(c => c.Id == chat.Id && c.Status == ChatStatus.Waiting && c.WavesSent == plan.Wave)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.WavesSent, plan.Wave + 1).SetProperty(c => c.NextWaveAt, plan.NextWaveAt), cancellationToken);
            if (won == 0)
            {
                return 0;
            }

            await WriteWaveAsync(db, plan, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await AnnounceWaveAsync(db, chat, department, settings, plan, cancellationToken);
    }

    /// <summary>Who the chat's next wave (numbered <see cref="Chat.WavesSent"/>) goes to, and when the one after is due; nothing written yet.</summary>
    internal async Task<WavePlan> PlanWaveAsync(
        VirtualShoppingDbContext db, Chat chat, StoreAppSettings settings, IReadOnlyDictionary<Guid, StoreOpening>? stores, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        var now = clock.GetUtcNow();
        var wave = chat.WavesSent;
        var pool = await CandidatePoolAsync(db, [chat.DepartmentId], chat, now, stores, cancellationToken);
        var chosen = RoutingPolicy.ChooseWave(chat.Language, pool.Candidates(chat.DepartmentId), settings, wave);
        var expiresAt = RoutingPolicy.OfferExpiresAt(now, chat.ClaimDeadline, settings);
        var offers = chosen.Select(expert => new ChatOffer
        {
            ChatId = chat.Id,
            MerchantId = chat.MerchantId,
            StaffMemberId = expert,
            Wave = wave,
            OfferedAt = now,
            ExpiresAt = expiresAt,
            SpokenBefore = pool.SpokenBefore(expert),
        }).ToList();
        var facts = offers.Select(o =>
        {
            var store = pool.StoreOf(o.StaffMemberId, chat.DepartmentId);
            return new OfferFacts(o.Id, chat.Id, o.StaffMemberId, o.OfferedAt, o.ExpiresAt, store?.Id, store?.Name);
        }).ToList();
        return new WavePlan(wave, RoutingPolicy.NextWaveAt(chat.QueuedAt, wave + 1, settings), offers, facts);
    }

    /// <summary>Writes a planned wave's offers (one statement) and counts them for their experts; inside the caller's transaction.</summary>
    internal static async Task WriteWaveAsync(VirtualShoppingDbContext db, WavePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Offers.Count == 0)
        {
            return;
        }

        await RoutingStatements.InsertOffersAsync(db, plan.Offers, cancellationToken);
        var chosen = plan.Offers.Select(o => o.StaffMemberId).ToList();
        await db.StaffMembers.Where(s => chosen.Contains(s.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.OffersReceived, m => m.OffersReceived + 1), cancellationToken);
    }

    /// <summary>After the wave is committed: remembers its offers and pushes each to its expert.</summary>
    internal async Task<int> AnnounceWaveAsync(VirtualShoppingDbContext db, Chat chat, string department, StoreAppSettings settings, WavePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Offers.Count > 0)
        {
            memory.Offered(plan.Facts);

            // The first wave's offers are the only ones pending; a later wave counts those of earlier waves still counting down.
            var colleagues = plan.Wave == 0
                ? plan.Offers.Count
                : await db.ChatOffers.CountAsync(o => o.ChatId == chat.Id && o.Status == OfferStatus.Pending, cancellationToken);
            foreach (var offer in plan.Offers)
            {
                await notifier.OfferMadeAsync(offer.StaffMemberId, ViewOf(offer, chat, department, colleagues - 1, settings));
            }
        }

        logger.WaveSent(chat.Id, plan.Wave + 1, plan.Offers.Count);
        return plan.Offers.Count;
    }

    /// <summary>An expert claims an offered chat. Exactly one claim per chat succeeds; the others' offers are withdrawn.</summary>
    public Task<ClaimOutcome> ClaimAsync(Guid staffMemberId, Guid offerId, CancellationToken cancellationToken = default) =>
        ClaimAsync(staffMemberId, null, offerId, cancellationToken);

    /// <summary>
    /// An expert claims an offered chat (<paramref name="expertName"/>: their display name when the caller has just
    /// read it). Exactly one claim per chat succeeds, decided by the database; the others' offers are withdrawn in the
    /// same transaction. Claims this instance can answer from what it knows (the chat was claimed here) cost no query.
    /// </summary>
    public async Task<ClaimOutcome> ClaimAsync(Guid staffMemberId, string? expertName, Guid offerId, CancellationToken cancellationToken = default)
    {
        if (memory.KnownOutcome(offerId, staffMemberId) is { } known)
        {
            return known;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var facts = memory.Offer(offerId);
        ClaimState? state = null;
        if (facts is null)
        {
            state = await ReadClaimAsync(db, staffMemberId, offerId, cancellationToken);
            if (state is null)
            {
                return ClaimOutcome.NotFound;
            }

            if (!state.ActiveExpert)
            {
                return ClaimOutcome.Revoked;
            }

            if (state.Offer.Kind == OfferKind.Transfer)
            {
                return await transfers.AcceptAsync(state.Offer, cancellationToken);
            }

            if (Refusal(state, clock.GetUtcNow()) is { } refused)
            {
                return refused;
            }
        }

        var chatId = facts?.ChatId ?? state!.Offer.ChatId;
        DateTimeOffset now;
        DateTimeOffset offeredAt;
        Chat claimed;
        List<WithdrawnOffer> losers;

        // Claims of one chat take turns in this instance: once one has won, the rest are answered from memory.
        using (await memory.EnterAsync(chatId, cancellationToken))
        {
            if (memory.KnownOutcome(offerId, staffMemberId) is { } settled)
            {
                return settled;
            }

            // The claim is judged on a read first, so a claim that cannot win (its expert at the chat limit, its
            // countdown run out) never takes the database's write lock while its colleagues wait their turn.
            now = clock.GetUtcNow();
            state ??= await ReadClaimAsync(db, staffMemberId, offerId, cancellationToken);
            if (state is null)
            {
                return ClaimOutcome.NotFound;
            }

            if (!state.ActiveExpert)
            {
                return ClaimOutcome.Revoked;
            }

            if (Refusal(state, now) is { } refused)
            {
                return refused;
            }

            expertName ??= state.ExpertName;
            var store = facts is not null
                ? facts.StoreId is { } storeId ? (storeId, facts.StoreName!) : ((Guid, string)?)null
                : await ExpertStore.ForAsync(db, staffMemberId, state.Chat.DepartmentId, now, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // The expert's own row first: their claims queue up behind each other on every database, so the
            // chat limit in the claim counts the claim that went before (in parallel, across instances).
            var claimMilliseconds = (long)(now - state.Offer.OfferedAt).TotalMilliseconds;
            offeredAt = state.Offer.OfferedAt;
            await db.StaffMembers.Where(s => s.Id == staffMemberId).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.OffersClaimed, m => m.OffersClaimed + 1)
                    .SetProperty(m => m.ClaimMillisecondsTotal, m => m.ClaimMillisecondsTotal + claimMilliseconds)
                    .SetProperty(m => m.ConsecutiveDeclines, 0)
                    .SetProperty(m => m.ConsecutiveMissedOffers, 0),
                cancellationToken);
            var taken = await RoutingStatements.ClaimChatAsync(db, chatId, offerId, staffMemberId, expertName, store, now, cancellationToken);
            if (taken is null)
            {
                await transaction.RollbackAsync(cancellationToken);
                var current = await ReadClaimAsync(db, staffMemberId, offerId, cancellationToken);
                if (current is null)
                {
                    return ClaimOutcome.NotFound;
                }

                var why = RoutingPolicy.CanClaim(current.Chat, current.Offer, current.ActiveChats, current.Settings, now);
                var outcome = new ClaimOutcome(null, why == ClaimRefusal.None ? ClaimRefusal.TakenByColleague : why);
                if (outcome.Refusal == ClaimRefusal.AlreadyAnswered || (outcome.Refusal == ClaimRefusal.TakenByColleague && current.Offer.Status != OfferStatus.Pending))
                {
                    memory.Answered(offerId, staffMemberId, outcome.Refusal);
                }

                return outcome;
            }

            losers = await RoutingStatements.WithdrawAsync(db, chatId, null, now, offerId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            claimed = taken;
            memory.Answered(offerId, staffMemberId, ClaimRefusal.AlreadyAnswered);
            foreach (var loser in losers)
            {
                memory.Answered(loser.Id, loser.StaffMemberId, ClaimRefusal.TakenByColleague);
            }
        }

        foreach (var loser in losers)
        {
            await notifier.OfferWithdrawnAsync(loser.StaffMemberId, loser.Id, chatId, OfferWithdrawal.ClaimedByColleague);
        }

        // The joining line is stored before anyone is told, so it is message 1 and a shopper's reply cannot race it.
        var joined = await ChatLog.AppendAsync(db, claimed, MessageSender.System, null, null, $"{expertName} joined the chat.", null, now, cancellationToken);
        var view = ChatView.Of(claimed, now);
        await notifier.ChatChangedAsync(claimed.ShopperId, staffMemberId, view);
        await notifier.MessagePostedAsync(claimed.ShopperId, staffMemberId, MessageView.Of(joined));
        logger.ChatClaimed(chatId, staffMemberId, (long)(now - offeredAt).TotalMilliseconds);
        return new ClaimOutcome(view, ClaimRefusal.None);
    }

    /// <summary>Why this claim cannot succeed as things stand, or null when it may.</summary>
    private ClaimOutcome? Refusal(ClaimState state, DateTimeOffset now)
    {
        var refusal = RoutingPolicy.CanClaim(state.Chat, state.Offer, state.ActiveChats, state.Settings, now);
        if (refusal == ClaimRefusal.None)
        {
            return null;
        }

        if (refusal == ClaimRefusal.AlreadyAnswered || (refusal == ClaimRefusal.TakenByColleague && state.Offer.Status != OfferStatus.Pending))
        {
            memory.Answered(state.Offer.Id, state.Offer.StaffMemberId, refusal);
        }

        return new ClaimOutcome(null, refusal);
    }

    /// <summary>Everything a claim is judged on, in one query: the offer (if it is this expert's), its chat, how many chats they hold, the limit and their name.</summary>
    private static async Task<ClaimState?> ReadClaimAsync(VirtualShoppingDbContext db, Guid staffMemberId, Guid offerId, CancellationToken cancellationToken)
    {
        var row = await (
            from offer in db.ChatOffers.AsNoTracking()
            join chat in db.Chats.AsNoTracking() on offer.ChatId equals chat.Id
            where offer.Id == offerId && offer.StaffMemberId == staffMemberId
            select new
            {
                offer,
                chat,
                Active = db.Chats.Count(c => c.ExpertId == staffMemberId && c.Status == ChatStatus.Active),
                Limit = db.StoreAppSettings.Select(s => (int?)s.MaxSimultaneousChats).FirstOrDefault(),
                Name = db.StaffMembers.Where(s => s.Id == staffMemberId).Select(s => s.DisplayName).FirstOrDefault(),
                ActiveExpert = db.StaffMembers.Any(s => s.Id == staffMemberId && s.Status == StaffStatus.Active && s.Roles.HasFlag(StaffRoles.Expert)),
            }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var settings = new StoreAppSettings();
        settings.MaxSimultaneousChats = row.Limit ?? settings.MaxSimultaneousChats;
        return new ClaimState(row.offer, row.chat, row.Active, settings, row.Name ?? string.Empty, row.ActiveExpert);
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
        await ExpertAvailabilityLog.RecordAsync(db, staffMemberId, available, now, cancellationToken);
        await notifier.AvailabilityChangedAsync(staffMemberId, new AvailabilityChange(available, reason));
        if (available)
        {
            return;
        }

        foreach (var offer in await RoutingStatements.WithdrawAsync(db, null, staffMemberId, now, null, cancellationToken))
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
        foreach (var offer in await RoutingStatements.WithdrawAsync(db, chatId, null, now, null, cancellationToken))
        {
            await notifier.OfferWithdrawnAsync(offer.StaffMemberId, offer.Id, chatId, reason);
        }
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

    /// <summary>
    /// What routing knows about every available expert, for each of these departments (for a chat, with whether
    /// they were offered it already): the input of <see cref="RoutingPolicy.IsEligible"/>.
    /// </summary>
    public async Task<Dictionary<Guid, List<ExpertCandidate>>> CandidatesByDepartmentAsync(
        VirtualShoppingDbContext db, IReadOnlyCollection<Guid> departmentIds, Guid? chatId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(departmentIds);
        var chat = chatId is { } id ? await db.Chats.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken) : null;
        var pool = await CandidatePoolAsync(db, departmentIds, chat, now, null, cancellationToken);
        return departmentIds.Distinct().ToDictionary(department => department, pool.Candidates);
    }

    /// <summary>
    /// The available experts with their teams, chats and claim records, and the stores of their teams open or
    /// closed now, in three flat queries (two when the caller knows the stores): for a chat, also whether each was offered
    /// it already in this routing and has chatted with its shopper before.
    /// </summary>
    private async Task<CandidatePool> CandidatePoolAsync(
        VirtualShoppingDbContext db, IReadOnlyCollection<Guid> departmentIds, Chat? chat, DateTimeOffset now, IReadOnlyDictionary<Guid, StoreOpening>? knownStores, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var fresh = now.AddSeconds(-options.Value.ConnectionFreshnessSeconds);
        var chatId = chat?.Id;
        var queuedAt = chat?.QueuedAt ?? now;
        var shopperId = chat?.ShopperId;
        // Two flat queries, not one with each expert's teams as a nested list: EF Core compiled a delegate for the
        // nested lists on every run (dynamic methods whose finalizers took 19% of the CPU of issue 11's routing benchmark).
        var available = db.StaffMembers.AsNoTracking().Where(s => s.Status == StaffStatus.Active && s.Roles.HasFlag(StaffRoles.Expert) && s.IsAvailable);
        var rows = await available
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
                Offered = chatId != null && db.ChatOffers.Any(o => o.ChatId == chatId && o.StaffMemberId == s.Id && o.Kind == OfferKind.Routing && o.OfferedAt >= queuedAt),
                SpokenBefore = shopperId != null && db.Chats.Any(c => c.ShopperId == shopperId && c.Id != chatId && c.ExpertId == s.Id),
            })
            .ToListAsync(cancellationToken);
        var memberships = await (
                from s in available
                from t in s.Teams
                where t.IsActive
                from d in t.Departments.Where(d => !d.IsArchived && departmentIds.Contains(d.Id)).DefaultIfEmpty()
                select new { StaffId = s.Id, TeamId = t.Id, t.StoreId, DepartmentId = (Guid?)d!.Id })
            .ToListAsync(cancellationToken);
        var teamsOf = memberships.GroupBy(m => m.StaffId).ToDictionary(
            g => g.Key,
            g => g.GroupBy(m => (m.TeamId, m.StoreId))
                .Select(team => new CandidateTeam(team.Key.StoreId, team.Where(m => m.DepartmentId is not null).Select(m => m.DepartmentId!.Value).ToList()))
                .ToList());
        var experts = rows.Select(r => new CandidateRow(
            r.Id, r.IsAvailable, r.Languages, r.OffersReceived, r.OffersClaimed, r.ClaimMillisecondsTotal, r.Connected, r.ActiveChats, r.Offered, r.SpokenBefore,
            teamsOf.GetValueOrDefault(r.Id) ?? [])).ToList();
        var storeIds = experts.SelectMany(e => e.Teams.Select(t => t.StoreId)).Distinct().ToList();
        var stores = knownStores is not null && storeIds.All(knownStores.ContainsKey)
            ? knownStores
            : await StoreOpenings.LoadAsync(db, s => storeIds.Contains(s.Id), now, cancellationToken);
        return new CandidatePool(experts, stores);
    }

    /// <summary>Of the given stores, those open now in their own time zones.</summary>
    public static async Task<HashSet<Guid>> OpenStoresAsync(VirtualShoppingDbContext db, IReadOnlyCollection<Guid> storeIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await StoreOpenings.LoadAsync(db, s => storeIds.Contains(s.Id), now, cancellationToken)).Values.Where(s => s.Open).Select(s => s.Id).ToHashSet();

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

    /// <summary>A wave worked out but not yet written: its number, when the next is due, its offers and what to remember of them.</summary>
    internal sealed record WavePlan(int Wave, DateTimeOffset? NextWaveAt, List<ChatOffer> Offers, List<OfferFacts> Facts);

    private sealed record ClaimState(ChatOffer Offer, Chat Chat, int ActiveChats, StoreAppSettings Settings, string ExpertName, bool ActiveExpert);

    private sealed record CandidateTeam(Guid StoreId, List<Guid> Departments);

    private sealed record CandidateRow(
        Guid Id,
        bool IsAvailable,
        List<string> Languages,
        int OffersReceived,
        int OffersClaimed,
        long ClaimMillisecondsTotal,
        bool Connected,
        int ActiveChats,
        bool Offered,
        bool SpokenBefore,
        List<CandidateTeam> Teams);

    private sealed class CandidatePool(List<CandidateRow> experts, IReadOnlyDictionary<Guid, StoreOpening> stores)
    {
        public List<ExpertCandidate> Candidates(Guid department) => experts.Select(e =>
        {
            var serving = e.Teams.Where(t => t.Departments.Contains(department)).Select(t => t.StoreId).ToList();
            return new ExpertCandidate(
                e.Id,
                e.IsAvailable,
                e.Connected,
                e.ActiveChats,
                serving.Count > 0,
                serving.Any(id => stores.TryGetValue(id, out var store) && store.Open),
                e.Languages,
                ClaimScore.Of(e.OffersReceived, e.OffersClaimed, e.ClaimMillisecondsTotal),
                e.Offered);
        }).ToList();

        public bool SpokenBefore(Guid expert) => experts.Any(e => e.Id == expert && e.SpokenBefore);

        /// <summary>The store the expert would answer the chat from (see <see cref="ExpertStore"/>), as of now.</summary>
        public (Guid Id, string Name)? StoreOf(Guid expert, Guid department) =>
            experts.FirstOrDefault(e => e.Id == expert) is { } row
                ? ExpertStore.Choose(row.Teams.Select(t => new TeamStore(t.StoreId, t.Departments.Contains(department))).ToList(), stores)
                : null;
    }
}
