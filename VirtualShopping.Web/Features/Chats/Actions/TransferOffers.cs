using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Answers to transfer offers (a teammate asked to take over a chat in progress): accept, decline, run out. The
/// Store App answers them with its usual claim and decline calls (<see cref="ChatRouter"/> hands them here), the
/// inbox through <see cref="ChatHandover"/>. The database decides an accept: one conditional update that finds the
/// chat still in progress with the same holder and the teammate under the chat limit. A transfer turned down or run
/// out is never a declined or missed chat: nobody goes unavailable over it.
/// </summary>
public sealed class TransferOffers(IDbContextFactory<VirtualShoppingDbContext> contexts, IChatNotifier notifier, TimeProvider clock, ILogger<TransferOffers> logger)
{
    /// <summary>The asked teammate takes the chat over; the previous holder and the shopper are told.</summary>
    public async Task<ClaimOutcome> AcceptAsync(ChatOffer offer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var chat = await db.Chats.AsNoTracking().SingleAsync(c => c.Id == offer.ChatId, cancellationToken);
        var settings = await ChatRouter.SettingsAsync(db, cancellationToken);
        var expertId = offer.StaffMemberId;
        var expert = await db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == expertId, cancellationToken);
        var activeChats = await db.Chats.CountAsync(c => c.ExpertId == expertId && c.Status == ChatStatus.Active, cancellationToken);
        var refusal = TransferPolicy.CanAccept(chat, offer, activeChats, settings, now);
        if (refusal != ClaimRefusal.None)
        {
            return new ClaimOutcome(null, refusal);
        }

        var previousId = chat.ExpertId;
        var previousName = chat.ExpertName;
        var limit = settings.MaxSimultaneousChats;
        var store = await ExpertStore.ForAsync(db, expertId, chat.DepartmentId, now, cancellationToken);
        List<(Guid Id, Guid StaffMemberId)> others;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The teammate's own row first, as in a claim: their accepts and claims queue up behind each other, so
            // the chat limit below counts the one that went before.
            await db.StaffMembers.Where(s => s.Id == expertId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.OffersClaimed, m => m.OffersClaimed), cancellationToken);
            var offerTaken = await db.ChatOffers
                .Where(o => o.Id == offer.Id && o.Status == OfferStatus.Pending && o.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OfferStatus.Claimed).SetProperty(o => o.RespondedAt, now), cancellationToken);
            var chatTaken = offerTaken == 1 && await db.Chats
                .Where(c => c.Id == chat.Id && c.Status == ChatStatus.Active && c.ExpertId == previousId
                            && db.Chats.Count(held => held.ExpertId == expertId && held.Status == ChatStatus.Active) < limit)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.ExpertId, expertId)
                        .SetProperty(c => c.ExpertName, expert.DisplayName)
                        .SetProperty(c => c.ExpertStoreName, store == null ? null : store.Value.Name)
                        .SetProperty(c => c.StoreId, store == null ? null : store.Value.Id)
                        .SetProperty(c => c.LastActivityAt, now)
                        .SetProperty(c => c.IdleWarningSentAt, (DateTimeOffset?)null),
                    cancellationToken) == 1;
            if (!chatTaken)
            {
                await transaction.RollbackAsync(cancellationToken);
                var current = await db.Chats.AsNoTracking().SingleAsync(c => c.Id == chat.Id, cancellationToken);
                var currentOffer = await db.ChatOffers.AsNoTracking().SingleAsync(o => o.Id == offer.Id, cancellationToken);
                var holding = await db.Chats.CountAsync(c => c.ExpertId == expertId && c.Status == ChatStatus.Active, cancellationToken);
                var why = TransferPolicy.CanAccept(current, currentOffer, holding, settings, now);
                return new ClaimOutcome(null, why == ClaimRefusal.None ? ClaimRefusal.TakenByColleague : why);
            }

            // Other teammates asked for the same chat: it is no longer the holder's to give.
            var pending = db.ChatOffers.Where(o => o.ChatId == chat.Id && o.Status == OfferStatus.Pending);
            others = (await pending.Select(o => new { o.Id, o.StaffMemberId }).ToListAsync(cancellationToken)).Select(o => (o.Id, o.StaffMemberId)).ToList();
            await pending.ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OfferStatus.Withdrawn).SetProperty(o => o.RespondedAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var (id, staffMemberId) in others)
        {
            await notifier.OfferWithdrawnAsync(staffMemberId, id, chat.Id, OfferWithdrawal.ChatMoved);
        }

        var taken = await db.Chats.AsNoTracking().SingleAsync(c => c.Id == chat.Id, cancellationToken);
        var line = await ChatLog.AppendAsync(db, taken, MessageSender.System, null, null, TransferPolicy.TookOverLine(expert.DisplayName, previousName), null, now, cancellationToken);
        var view = ChatView.Of(taken, now);
        await notifier.ChatChangedAsync(taken.ShopperId, expertId, view);
        if (previousId is { } previous)
        {
            await notifier.ChatChangedAsync(taken.ShopperId, previous, view);
        }

        await notifier.MessagePostedAsync(taken.ShopperId, expertId, MessageView.Of(line));
        logger.TransferAccepted(chat.Id, expertId);
        return new ClaimOutcome(view, ClaimRefusal.None);
    }

    /// <summary>The asked teammate turns the transfer down; the holder keeps the chat and is told.</summary>
    public async Task<ChatActionOutcome<bool>> DeclineAsync(ChatOffer offer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var declined = await db.ChatOffers.Where(o => o.Id == offer.Id && o.Status == OfferStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OfferStatus.Declined).SetProperty(o => o.RespondedAt, now), cancellationToken);
        if (declined == 0)
        {
            return ChatActionOutcome<bool>.Fail(ChatProblemKind.Conflict, "This offer is no longer open: it was accepted, withdrawn or ran out.");
        }

        await TellHolderAsync(db, offer.ChatId, cancellationToken);
        return ChatActionOutcome<bool>.Ok(false);
    }

    /// <summary>
    /// A transfer offer whose countdown ran out, or whose chat ended or changed hands, leaves the teammate's screen;
    /// the holder keeps the chat. Not a missed offer.
    /// </summary>
    public async Task ExpireAsync(ChatOffer offer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var chatHeld = await db.Chats.AnyAsync(c => c.Id == offer.ChatId && c.Status == ChatStatus.Active, cancellationToken);
        var (status, reason) = chatHeld ? (OfferStatus.Expired, OfferWithdrawal.Expired) : (OfferStatus.Withdrawn, OfferWithdrawal.ChatClosed);
        var ended = await db.ChatOffers.Where(o => o.Id == offer.Id && o.Status == OfferStatus.Pending && (!chatHeld || o.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, status).SetProperty(o => o.RespondedAt, now), cancellationToken);
        if (ended == 0)
        {
            return;
        }

        await notifier.OfferWithdrawnAsync(offer.StaffMemberId, offer.Id, offer.ChatId, reason);
        await TellHolderAsync(db, offer.ChatId, cancellationToken);
    }

    private async Task TellHolderAsync(VirtualShoppingDbContext db, Guid chatId, CancellationToken cancellationToken)
    {
        var holder = await db.Chats.Where(c => c.Id == chatId).Select(c => c.ExpertId).SingleAsync(cancellationToken);
        await notifier.ChatUpdatedAsync(chatId, holder);
    }
}
