using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Handing a chat to someone else: reassign to a teammate (a transfer offer they accept or decline, refused beyond
/// their capacity; the chat stays with its holder until accepted) and move to another department (routed again to
/// that department's experts, with the history).
/// </summary>
public sealed class ChatHandover(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    ChatRouter router,
    TransferOffers transfers,
    IChatNotifier notifier,
    TimeProvider clock,
    IOptions<ChatRoutingOptions> options,
    ILogger<ChatHandover> logger)
{
    /// <summary>Teammates who may take the chat over: active experts, with availability, connection and load.</summary>
    public async Task<IReadOnlyList<TeamMemberStatus>> CandidatesAsync(ChatStaff staff, Guid chatId, CancellationToken cancellationToken = default) =>
        (await FindCandidatesAsync(staff, chatId, cancellationToken)).Value ?? [];

    /// <summary>As <see cref="CandidatesAsync"/>, or why not (no such chat for this person, or not theirs to reassign).</summary>
    public async Task<ChatActionOutcome<IReadOnlyList<TeamMemberStatus>>> FindCandidatesAsync(ChatStaff staff, Guid chatId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (chat, problem) = await ManagedChatAsync<IReadOnlyList<TeamMemberStatus>>(db, staff, chatId, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var now = clock.GetUtcNow();
        var fresh = now.AddSeconds(-options.Value.ConnectionFreshnessSeconds);
        var settings = await ChatRouter.SettingsAsync(db, cancellationToken);
        var holder = chat!.ExpertId;
        var experts = await db.StaffMembers.AsNoTracking()
            .Where(s => s.Status == StaffStatus.Active && s.Roles.HasFlag(StaffRoles.Expert) && s.Id != holder)
            .Select(s => new
            {
                s.Id,
                s.DisplayName,
                s.IsAvailable,
                Connected = db.ExpertConnections.Any(c => c.StaffMemberId == s.Id && c.LastSeenAt >= fresh),
                ActiveChats = db.Chats.Count(c => c.ExpertId == s.Id && c.Status == ChatStatus.Active),
                Teams = s.Teams.Where(t => t.IsActive).Select(t => new { t.Name, Store = t.Store!.Name }).ToList(),
            })
            .ToListAsync(cancellationToken);
        IReadOnlyList<TeamMemberStatus> candidates = experts
            .OrderByDescending(e => e.IsAvailable && e.Connected)
            .ThenBy(e => e.ActiveChats)
            .ThenBy(e => e.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(e => new TeamMemberStatus(
                e.Id,
                e.DisplayName,
                true,
                e.IsAvailable,
                e.Connected,
                e.ActiveChats,
                settings.MaxSimultaneousChats,
                e.Teams.Select(t => t.Store).Distinct().Order(StringComparer.CurrentCulture).ToList(),
                e.Teams.Select(t => t.Name).Order(StringComparer.CurrentCulture).ToList()))
            .ToList();
        return ChatActionOutcome<IReadOnlyList<TeamMemberStatus>>.Ok(candidates);
    }

    /// <summary>Asks a teammate to take the chat over: they get a transfer offer with the usual countdown.</summary>
    public async Task<ChatActionOutcome<OfferView>> RequestTransferAsync(ChatStaff staff, Guid chatId, Guid toStaffMemberId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (chat, problem) = await ManagedChatAsync<OfferView>(db, staff, chatId, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var target = await db.StaffMembers.AsNoTracking().Where(s => s.Id == toStaffMemberId)
            .Select(s => new { s.Id, s.Status, s.Roles }).SingleOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return ChatActionOutcome<OfferView>.Fail(ChatProblemKind.Invalid, "Choose a teammate from the list.", ToStaffMemberField);
        }

        var settings = await ChatRouter.SettingsAsync(db, cancellationToken);
        var targetChats = await db.Chats.CountAsync(c => c.ExpertId == target.Id && c.Status == ChatStatus.Active, cancellationToken);
        var rule = ChatAccess.CanTransferTo(chat!, target.Id, target.Status == StaffStatus.Active && target.Roles.HasFlag(StaffRoles.Expert), targetChats, settings.MaxSimultaneousChats);
        if (!rule.IsValid)
        {
            return Refused<OfferView>(rule, chat!.Status != ChatStatus.Active, ToStaffMemberField);
        }

        var offer = new ChatOffer
        {
            ChatId = chat!.Id,
            StaffMemberId = target.Id,
            Kind = OfferKind.Transfer,
            RequestedById = staff.Id,
            RequestedByName = staff.Name,
            OfferedAt = now,
            ExpiresAt = TransferPolicy.ExpiresAt(now, settings),
            Wave = chat.WavesSent,
        };

        // One pending transfer per teammate and chat: the check and the insert are one serializable unit.
        await using (var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken))
        {
            if (await db.ChatOffers.AnyAsync(
                    o => o.ChatId == chat.Id && o.StaffMemberId == target.Id && o.Kind == OfferKind.Transfer && o.Status == OfferStatus.Pending && o.ExpiresAt > now,
                    cancellationToken))
            {
                return ChatActionOutcome<OfferView>.Fail(ChatProblemKind.Invalid, "This teammate has already been asked to take this chat over.", ToStaffMemberField);
            }

            db.ChatOffers.Add(offer);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var department = await db.Departments.Where(d => d.Id == chat.DepartmentId).Select(d => d.Name).SingleAsync(cancellationToken);
        var view = ChatRouter.ViewOf(offer, chat, department, 0, settings);
        await notifier.OfferMadeAsync(target.Id, view);
        await notifier.ChatUpdatedAsync(chat.Id, chat.ExpertId);
        logger.TransferRequested(chat.Id, staff.Id, target.Id);
        return ChatActionOutcome<OfferView>.Ok(view);
    }

    /// <summary>The asked teammate accepts (within their capacity): the chat is theirs, with its history; the previous holder is told.</summary>
    public async Task<ChatActionOutcome<ChatView>> AcceptTransferAsync(Guid staffMemberId, Guid offerId, CancellationToken cancellationToken = default)
    {
        var offer = await TransferOfferAsync(staffMemberId, offerId, cancellationToken);
        if (offer is null)
        {
            return ChatActionOutcome<ChatView>.Fail(ChatProblemKind.NotFound, "There is no such offer for you.");
        }

        var outcome = await transfers.AcceptAsync(offer, cancellationToken);
        return outcome.Chat is { } chat
            ? ChatActionOutcome<ChatView>.Ok(chat)
            : ChatActionOutcome<ChatView>.Fail(ChatProblemKind.Conflict, outcome.Explanation);
    }

    /// <summary>The asked teammate declines; the holder keeps the chat and is told. Does not count towards going unavailable.</summary>
    public async Task<ChatActionOutcome<bool>> DeclineTransferAsync(Guid staffMemberId, Guid offerId, CancellationToken cancellationToken = default)
    {
        var offer = await TransferOfferAsync(staffMemberId, offerId, cancellationToken);
        return offer is null
            ? ChatActionOutcome<bool>.Fail(ChatProblemKind.NotFound, "There is no such offer for you.")
            : await transfers.DeclineAsync(offer, cancellationToken);
    }

    /// <summary>Moves a waiting or active chat to another department: it waits again and is offered to that department's experts.</summary>
    public async Task<ChatActionOutcome<ChatView>> MoveAsync(ChatStaff staff, Guid chatId, Guid departmentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (chat, problem) = await ManagedChatAsync<ChatView>(db, staff, chatId, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var department = await db.Departments.AsNoTracking().Where(d => d.Id == departmentId).Select(d => new { d.Name, d.IsArchived }).SingleOrDefaultAsync(cancellationToken);
        if (department is null)
        {
            return ChatActionOutcome<ChatView>.Fail(ChatProblemKind.Invalid, "Choose a department from the list.", DepartmentField);
        }

        var rule = ChatAccess.CanMoveTo(chat!, departmentId, !department.IsArchived);
        if (!rule.IsValid)
        {
            return Refused<ChatView>(rule, chat!.Status is not (ChatStatus.Waiting or ChatStatus.Active), DepartmentField);
        }

        var (was, previousExpert, previousDepartment) = (chat!.Status, chat.ExpertId, chat.DepartmentId);
        var settings = await ChatRouter.SettingsAsync(db, cancellationToken);
        chat.MoveTo(departmentId, now, settings);
        var moved = await db.Chats
            .Where(c => c.Id == chat.Id && c.Status == was && c.ExpertId == previousExpert && c.DepartmentId == previousDepartment)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.DepartmentId, chat.DepartmentId)
                    .SetProperty(c => c.Status, chat.Status)
                    .SetProperty(c => c.ExpertId, chat.ExpertId)
                    .SetProperty(c => c.ExpertName, chat.ExpertName)
                    .SetProperty(c => c.ExpertStoreName, chat.ExpertStoreName)
                    .SetProperty(c => c.ClaimedAt, chat.ClaimedAt)
                    .SetProperty(c => c.QueuedAt, chat.QueuedAt)
                    .SetProperty(c => c.WavesSent, chat.WavesSent)
                    .SetProperty(c => c.NextWaveAt, chat.NextWaveAt)
                    .SetProperty(c => c.ClaimDeadline, chat.ClaimDeadline)
                    .SetProperty(c => c.LastActivityAt, chat.LastActivityAt)
                    .SetProperty(c => c.IdleWarningSentAt, chat.IdleWarningSentAt),
                cancellationToken);
        if (moved == 0)
        {
            return ChatActionOutcome<ChatView>.Fail(ChatProblemKind.Conflict, "The chat changed in the meantime. Look again and try once more.");
        }

        await router.WithdrawPendingOffersAsync(db, chat.Id, OfferWithdrawal.ChatMoved, now, cancellationToken);
        var line = await ChatLog.AppendAsync(db, chat, MessageSender.System, null, null, TransferPolicy.MovedLine(department.Name), null, now, cancellationToken);
        var view = ChatView.Of(chat, now);
        await notifier.MessagePostedAsync(chat.ShopperId, previousExpert, MessageView.Of(line));
        await notifier.ChatChangedAsync(chat.ShopperId, previousExpert, view);
        await notifier.ChatUpdatedAsync(chat.Id, null);
        logger.ChatMoved(chat.Id, departmentId, staff.Id);
        await router.DispatchWaveAsync(chat.Id, cancellationToken);
        return ChatActionOutcome<ChatView>.Ok(view);
    }

    private const string ToStaffMemberField = "toStaffMemberId";
    private const string DepartmentField = "departmentId";

    /// <summary>A rule's refusal: the chat's state (409), or the chosen field (400 naming it).</summary>
    private static ChatActionOutcome<T> Refused<T>(Domain.Common.RuleResult rule, bool byChatState, string field) =>
        byChatState ? ChatActionOutcome<T>.Fail(ChatProblemKind.Conflict, rule.Error!) : ChatActionOutcome<T>.Fail(ChatProblemKind.Invalid, rule.Error!, field);

    /// <summary>The chat, if this person may see it (else "no such chat") and manage it (else "not allowed").</summary>
    private static async Task<(Chat? Chat, ChatActionOutcome<T>? Problem)> ManagedChatAsync<T>(VirtualShoppingDbContext db, ChatStaff staff, Guid chatId, CancellationToken cancellationToken)
    {
        var chat = await db.Chats.AsNoTracking().SingleOrDefaultAsync(c => c.Id == chatId, cancellationToken);
        if (chat is null)
        {
            return (null, ChatActionOutcome<T>.Fail(ChatProblemKind.NotFound, ChatResults.NoSuchChat));
        }

        var offered = await db.ChatOffers.AnyAsync(o => o.ChatId == chatId && o.StaffMemberId == staff.Id && o.Status == OfferStatus.Pending, cancellationToken);
        var served = staff.IsStoreManager && chat.Status == ChatStatus.Waiting && staff.StoreIds.Count > 0
            && await db.Teams.AnyAsync(t => t.IsActive && staff.StoreIds.Contains(t.StoreId) && t.Departments.Any(d => d.Id == chat.DepartmentId), cancellationToken);
        if (!ChatAccess.CanSee(staff, chat, offered, served))
        {
            return (null, ChatActionOutcome<T>.Fail(ChatProblemKind.NotFound, ChatResults.NoSuchChat));
        }

        if (ChatAccess.CanManage(staff, chat, served))
        {
            return (chat, null);
        }

        return chat.Status is ChatStatus.Ended or ChatStatus.Missed
            ? (null, ChatActionOutcome<T>.Fail(ChatProblemKind.Conflict, "This chat has ended."))
            : (null, ChatActionOutcome<T>.Fail(ChatProblemKind.Forbidden, "Only the expert holding the chat, their store manager or support can do this."));
    }

    private async Task<ChatOffer?> TransferOfferAsync(Guid staffMemberId, Guid offerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ChatOffers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == offerId && o.StaffMemberId == staffMemberId && o.Kind == OfferKind.Transfer, cancellationToken);
    }
}
