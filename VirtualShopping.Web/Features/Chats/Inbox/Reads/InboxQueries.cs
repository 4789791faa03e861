using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Shoppers;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Components.Shared;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The inbox's reads, scoped by <see cref="ChatAccess"/>: the staff member as the chat rules see them, the list of a
/// view with filters, search and counts, one conversation, the shopper panel, the team panel and the filter choices.
/// Indexed queries only, so they stay fast at 100,000 conversations (see the inbox benchmark).
/// </summary>
public sealed class InboxQueries(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    TimeProvider clock,
    ShopperPresence presence,
    IOptions<ChatRoutingOptions> routing)
{
    /// <summary>How many of the newest messages a conversation loads at first; earlier ones on demand.</summary>
    public const int ConversationPageSize = 200;

    /// <summary>Pages and past chats the shopper panel lists at most.</summary>
    public const int ShopperPanelItems = 20;

    /// <summary>The staff member (active, of the current merchant) with their roles and stores, or null.</summary>
    public async Task<ChatStaff?> StaffAsync(Guid staffMemberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ChatStaffLoader.LoadAsync(db, staffMemberId, cancellationToken);
    }

    /// <summary>The name the shopper gave, or "Shopper" and the first four hex digits of their id; never their email.</summary>
    public static string ShopperLabel(Guid shopperId, string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Shopper " + shopperId.ToString("N")[..4] : name;

    /// <summary>The search term the list uses: trimmed, or null when blank or longer than <see cref="InboxFilter.MaxSearchLength"/>.</summary>
    public static string? SearchTerm(string? search) =>
        search?.Trim() is { Length: > 0 and <= InboxFilter.MaxSearchLength } term ? term : null;

    public async Task<InboxPage> ListAsync(ChatStaff staff, InboxFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(filter);
        var now = clock.GetUtcNow();
        var skip = Math.Max(0, filter.Offset);
        var take = Math.Clamp(filter.Take, 1, InboxFilter.MaxTake);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (filter.Folder == InboxFolder.New)
        {
            return await OffersAsync(db, staff, filter, skip, take, now, cancellationToken);
        }

        // The folder's statuses are read one by one: each is an ordered, limited walk of the (merchant, status, …,
        // started) index, merged; SQLite cannot walk two ranges of an index in one order and would sort them all.
        // A missed chat was never held (it missed while waiting), so an expert's Closed view has ended chats only.
        var statuses = Statuses(filter.Folder)
            .Where(s => (filter.Status is null || filter.Status == s) && !(s == ChatStatus.Missed && !staff.Supervises))
            .ToList();
        if (statuses.Count == 0)
        {
            return new InboxPage([], 0);
        }

        var chats = Narrow(db, InFolder(db, staff, filter.Folder, filter.IncludeArchived), filter);
        var first = statuses[0];
        var last = statuses[^1];
        var total = await chats.Where(c => c.Status == first || c.Status == last).CountAsync(cancellationToken);
        var page = statuses.Select(status => Ordered(chats.Where(c => c.Status == status), filter.NewestFirst).Take(skip + take))
            .Aggregate((all, next) => all.Concat(next));
        var rows = await Rows(db, Ordered(page, filter.NewestFirst).Skip(skip).Take(take), staff.Id).ToListAsync(cancellationToken);
        return new InboxPage(rows.Select(r => RowOf(r, now)).ToList(), total);
    }

    private static IQueryable<Chat> Ordered(IQueryable<Chat> chats, bool newestFirst) =>
        newestFirst ? chats.OrderByDescending(c => c.StartedAt) : chats.OrderBy(c => c.StartedAt);

    private static ChatStatus[] Statuses(InboxFolder folder) => folder switch
    {
        InboxFolder.Mine or InboxFolder.InProgress => [ChatStatus.Active],
        InboxFolder.Waiting => [ChatStatus.Waiting],
        InboxFolder.Priority => [ChatStatus.Waiting, ChatStatus.Active],
        _ => [ChatStatus.Ended, ChatStatus.Missed],
    };

    public async Task<InboxCounts> CountsAsync(ChatStaff staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var now = clock.GetUtcNow();
        var id = staff.Id;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await Visible(db, staff)
            .Where(c => c.Status == ChatStatus.Waiting || c.Status == ChatStatus.Active)
            .GroupBy(c => 1)
            .Select(g => new
            {
                Waiting = g.Sum(c => c.Status == ChatStatus.Waiting ? 1 : 0),
                InProgress = g.Sum(c => c.Status == ChatStatus.Active ? 1 : 0),
                Priority = g.Sum(c => c.IsPriority ? 1 : 0),
                Mine = g.Sum(c => c.ExpertId == id && c.Status == ChatStatus.Active
                    && db.ChatMessages.Any(m => m.ChatId == c.Id && m.Sequence > c.ExpertReadSequence && m.Sender == MessageSender.Shopper) ? 1 : 0),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var offers = await PendingOffers(db, id, now).CountAsync(cancellationToken);
        return new InboxCounts(offers, counts?.Mine ?? 0, counts?.Waiting ?? 0, counts?.Priority ?? 0, counts?.InProgress ?? 0);
    }

    /// <summary>The conversation if this person may see it; null otherwise (also for another merchant's chat).</summary>
    public async Task<InboxConversation?> ConversationAsync(ChatStaff staff, Guid chatId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await FindAsync(db, staff, chatId, now, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var chat = found.Chat;
        var newest = await db.ChatMessages.AsNoTracking().Where(m => m.ChatId == chatId)
            .OrderByDescending(m => m.Sequence).Take(ConversationPageSize + 1).ToListAsync(cancellationToken);
        var earlier = newest.Count > ConversationPageSize;
        var messages = await ChatLog.ViewsAsync(db, newest.Take(ConversationPageSize).Reverse().ToList(), cancellationToken);
        var served = found.Served;
        var offered = found.Offer is not null;
        var rights = new ConversationRights(
            ChatAccess.CanReply(staff, chat),
            ChatAccess.CanNote(staff, chat, offered, served),
            ChatAccess.CanManage(staff, chat, served),
            ChatAccess.CanClose(staff, chat, served),
            chat.Status is ChatStatus.Ended or ChatStatus.Missed && chat.ArchivedAt is null && (chat.ExpertId == staff.Id || ChatAccess.CanManage(staff, chat, served)),
            ChatAccess.CanReply(staff, chat) && found.MediaAllowed,
            ChatAccess.CanReply(staff, chat) && found.MediaAllowed,
            offered);
        var offer = found.Offer is { } o
            ? RowOf(new RowData(chat, found.Department, found.StoreName, null, 0, o.Id, o.Kind, o.ExpiresAt, found.Colleagues, o.SpokenBefore, o.RequestedByName), now)
            : null;
        return new InboxConversation(
            chat.Id,
            chat.Status,
            ChatChannel.Website,
            ShopperLabel(chat.ShopperId, chat.ShopperName),
            chat.ShopperName,
            ChatAccess.CanSeeEmail(staff, chat, served) ? chat.ShopperEmail : null,
            chat.ShopperEmail is not null,
            presence.IsOnline(chat.ShopperId),
            chat.Language,
            chat.DepartmentId,
            found.Department,
            chat.ExpertId,
            chat.ExpertName,
            chat.StoreId,
            found.StoreName,
            chat.IsPriority,
            chat.ArchivedAt is not null,
            chat.StartedAt,
            chat.ClaimedAt,
            chat.EndedAt,
            chat.EndReason,
            chat.Rating,
            chat.RatingComment,
            chat.ShopperReadSequence,
            chat.ExpertReadSequence,
            earlier,
            messages,
            rights,
            offer);
    }

    /// <summary>Messages before a number (scrolling back), oldest first, at most <see cref="ConversationPageSize"/>.</summary>
    public async Task<IReadOnlyList<MessageView>?> EarlierMessagesAsync(ChatStaff staff, Guid chatId, int before, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await Visible(db, staff).AnyAsync(c => c.Id == chatId, cancellationToken))
        {
            return null;
        }

        var messages = await db.ChatMessages.AsNoTracking().Where(m => m.ChatId == chatId && m.Sequence < before)
            .OrderByDescending(m => m.Sequence).Take(ConversationPageSize).ToListAsync(cancellationToken);
        messages.Reverse();
        return await ChatLog.ViewsAsync(db, messages, cancellationToken);
    }

    public async Task<ShopperPanel?> ShopperAsync(ChatStaff staff, Guid chatId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await FindAsync(db, staff, chatId, now, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var chat = found.Chat;
        var shopperId = chat.ShopperId;
        var events = await db.ShopperEvents.AsNoTracking()
            .Where(e => e.ShopperId == shopperId && e.PageUrl != null)
            .OrderByDescending(e => e.OccurredAt).Take(ShopperPanelItems).ToListAsync(cancellationToken);
        var pages = events.Select(e => new ShopperPageVisit(e.PageUrl!, PageTitle(e), e.OccurredAt)).ToList();
        if (chat.PageUrl is { } started && !pages.Any(p => p.Url == started && p.At <= chat.StartedAt))
        {
            pages.Add(new ShopperPageVisit(started, null, chat.StartedAt));
        }

        var cart = await db.ShopperCarts.AsNoTracking().SingleOrDefaultAsync(c => c.ShopperId == shopperId, cancellationToken);
        var currency = await db.AccountSettings.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Currency).FirstOrDefaultAsync(cancellationToken) ?? new AccountSettings().Currency;
        var past = await (
            from c in db.Chats.AsNoTracking()
            join d in db.Departments on c.DepartmentId equals d.Id
            where c.ShopperId == shopperId && c.Id != chatId
            orderby c.StartedAt descending
            select new ShopperPastChat(c.Id, c.StartedAt, c.Status, d.Name, c.ExpertName, c.Rating))
            .Take(ShopperPanelItems).ToListAsync(cancellationToken);
        var emailHash = BlockedShopper.HashEmail(chat.ShopperEmail);
        var blocked = await db.BlockedShoppers.AnyAsync(
            b => b.UnblockedAt == null && (b.ShopperId == shopperId || (emailHash != null && b.EmailHash == emailHash)), cancellationToken);
        return new ShopperPanel(
            chat.ShopperName,
            ChatAccess.CanSeeEmail(staff, chat, found.Served) ? chat.ShopperEmail : null,
            chat.ShopperEmail is not null,
            presence.IsOnline(shopperId),
            pages.OrderByDescending(p => p.At).ToList(),
            cart is null ? null : CartOf(cart, currency),
            past,
            chat.Rating,
            chat.RatingComment,
            blocked);
    }

    /// <summary>The teammates this person supervises (their stores' teams; everyone for HQ admins and support); for an expert, their own teams.</summary>
    public async Task<IReadOnlyList<TeamMemberStatus>> TeamAsync(ChatStaff staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var fresh = clock.GetUtcNow().AddSeconds(-routing.Value.ConnectionFreshnessSeconds);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var capacity = (await ChatRouter.SettingsAsync(db, cancellationToken)).MaxSimultaneousChats;
        var people = await Teammates(db, staff)
            .OrderBy(s => s.DisplayName)
            .Select(s => new
            {
                s.Id,
                s.DisplayName,
                s.Roles,
                s.IsAvailable,
                Connected = db.ExpertConnections.Any(c => c.StaffMemberId == s.Id && c.LastSeenAt >= fresh),
                ActiveChats = db.Chats.Count(c => c.ExpertId == s.Id && c.Status == ChatStatus.Active),
                Stores = s.Stores.Select(st => st.Name).ToList(),
                Teams = s.Teams.Where(t => t.IsActive).Select(t => new { t.Name, Store = t.Store!.Name }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return people.Select(p => new TeamMemberStatus(
            p.Id,
            p.DisplayName,
            p.Roles.HasFlag(StaffRoles.Expert),
            p.IsAvailable,
            p.Connected,
            p.ActiveChats,
            capacity,
            p.Stores.Union(p.Teams.Select(t => t.Store)).Order(StringComparer.CurrentCulture).ToList(),
            p.Teams.Select(t => t.Name).Distinct().Order(StringComparer.CurrentCulture).ToList())).ToList();
    }

    public async Task<InboxChoices> ChoicesAsync(ChatStaff staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().Where(d => !d.IsArchived)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new InboxChoice(d.Id, d.Name)).ToListAsync(cancellationToken);
        var storeIds = staff.StoreIds.ToList();
        var stores = await db.Stores.AsNoTracking()
            .Where(s => staff.SeesWholeMerchant || storeIds.Contains(s.Id))
            .OrderBy(s => s.Name).Select(s => new InboxChoice(s.Id, s.Name)).ToListAsync(cancellationToken);
        var assignees = await Teammates(db, staff).Where(s => (s.Roles & StaffRoles.Expert) != 0)
            .OrderBy(s => s.DisplayName).Select(s => new InboxChoice(s.Id, s.DisplayName)).ToListAsync(cancellationToken);
        return new InboxChoices(departments, stores, assignees);
    }

    /// <summary>
    /// The chats this person may see, as <see cref="ChatAccess.CanSee"/> decides for one chat: their own, those offered
    /// to them now, every chat for HQ admins and support, and for store managers their stores' chats and the waiting
    /// chats of needs an active team of their stores serves.
    /// </summary>
    /// <param name="openChats">
    /// Whether waiting and active chats are among those asked for. Only they can be offered (the router withdraws the
    /// offers of a chat that ends) or be seen for the needs a manager's teams serve; a closed view leaves those terms out.
    /// </param>
    public static IQueryable<Chat> Visible(VirtualShoppingDbContext db, ChatStaff staff, bool openChats = true)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(staff);
        var chats = db.Chats.AsNoTracking();
        if (staff.SeesWholeMerchant)
        {
            return chats;
        }

        var id = staff.Id;
        var stores = staff.StoreIds.ToList();
        if (!openChats)
        {
            return staff.IsStoreManager
                ? chats.Where(c => c.ExpertId == id || (c.StoreId != null && stores.Contains(c.StoreId.Value)))
                : chats.Where(c => c.ExpertId == id);
        }

        if (!staff.IsStoreManager)
        {
            return chats.Where(c => c.ExpertId == id
                || db.ChatOffers.Any(o => o.ChatId == c.Id && o.StaffMemberId == id && o.Status == OfferStatus.Pending));
        }

        return chats.Where(c => c.ExpertId == id
            || (c.StoreId != null && stores.Contains(c.StoreId.Value))
            || (c.Status == ChatStatus.Waiting && db.Teams.Any(t => t.IsActive && stores.Contains(t.StoreId) && t.Departments.Any(d => d.Id == c.DepartmentId && !d.IsArchived)))
            || db.ChatOffers.Any(o => o.ChatId == c.Id && o.StaffMemberId == id && o.Status == OfferStatus.Pending));
    }

    /// <summary>The chats of a view, before its statuses (<see cref="Statuses"/>) and the filters.</summary>
    private static IQueryable<Chat> InFolder(VirtualShoppingDbContext db, ChatStaff staff, InboxFolder folder, bool includeArchived)
    {
        var id = staff.Id;
        return folder switch
        {
            InboxFolder.Mine => db.Chats.AsNoTracking().Where(c => c.ExpertId == id),
            InboxFolder.Waiting or InboxFolder.InProgress => Visible(db, staff),
            InboxFolder.Priority => Visible(db, staff).Where(c => c.IsPriority),
            InboxFolder.Closed => includeArchived ? Visible(db, staff, openChats: false) : Visible(db, staff, openChats: false).Where(c => c.ArchivedAt == null),
            _ => throw new ArgumentOutOfRangeException(nameof(folder), folder, "The New view lists offers."),
        };
    }

    /// <summary>The filters every view shares: status, channel, department, assignee, store and the search.</summary>
    private static IQueryable<Chat> Narrow(VirtualShoppingDbContext db, IQueryable<Chat> chats, InboxFilter filter)
    {
        if (filter.Status is { } status)
        {
            chats = chats.Where(c => c.Status == status);
        }

        if (filter.Channel is { } channel && channel != ChatChannel.Website)
        {
            chats = chats.Where(c => false);
        }

        if (filter.DepartmentId is { } department)
        {
            chats = chats.Where(c => c.DepartmentId == department);
        }

        if (filter.AssigneeId is { } assignee)
        {
            chats = chats.Where(c => c.ExpertId == assignee);
        }

        if (filter.StoreId is { } store)
        {
            chats = chats.Where(c => c.StoreId == store);
        }

        if (SearchTerm(filter.Search) is { } term)
        {
            var pattern = LikePattern.Containing(term);
            chats = chats.Where(c => (c.ShopperName != null && EF.Functions.Like(c.ShopperName, pattern, LikePattern.Escape))
                || db.ChatMessages.Any(m => m.ChatId == c.Id && EF.Functions.Like(m.Text, pattern, LikePattern.Escape)));
        }

        return chats;
    }

    private async Task<InboxPage> OffersAsync(VirtualShoppingDbContext db, ChatStaff staff, InboxFilter filter, int skip, int take, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var offers = PendingOffers(db, staff.Id, now);
        var chats = Narrow(db, db.Chats.AsNoTracking(), filter);
        var joined = from o in offers
                     join c in chats on o.ChatId equals c.Id
                     select new { o, c };
        var total = await joined.CountAsync(cancellationToken);
        var ordered = filter.NewestFirst ? joined.OrderByDescending(x => x.c.StartedAt) : joined.OrderBy(x => x.c.StartedAt);
        var rows = await ordered.Skip(skip).Take(take).Select(x => new RowData(
                x.c,
                db.Departments.Where(d => d.Id == x.c.DepartmentId).Select(d => d.Name).First(),
                db.Stores.Where(s => s.Id == x.c.StoreId).Select(s => s.Name).FirstOrDefault(),
                db.ChatMessages.Where(m => m.ChatId == x.c.Id).OrderByDescending(m => m.Sequence).Select(m => m.Text).FirstOrDefault(),
                0,
                x.o.Id,
                x.o.Kind,
                x.o.ExpiresAt,
                db.ChatOffers.Count(p => p.ChatId == x.c.Id && p.Status == OfferStatus.Pending && p.Kind == OfferKind.Routing) - 1,
                x.o.SpokenBefore,
                x.o.RequestedByName))
            .ToListAsync(cancellationToken);
        return new InboxPage(rows.Select(r => RowOf(r, now)).ToList(), total);
    }

    /// <summary>Offers counting down for this person now, on chats they can still take (waiting; or active, for a transfer).</summary>
    private static IQueryable<ChatOffer> PendingOffers(VirtualShoppingDbContext db, Guid staffMemberId, DateTimeOffset now) =>
        db.ChatOffers.AsNoTracking().Where(o => o.StaffMemberId == staffMemberId && o.Status == OfferStatus.Pending && o.ExpiresAt > now
            && db.Chats.Any(c => c.Id == o.ChatId && (o.Kind == OfferKind.Routing ? c.Status == ChatStatus.Waiting : c.Status == ChatStatus.Active)));

    private static IQueryable<RowData> Rows(VirtualShoppingDbContext db, IQueryable<Chat> chats, Guid staffMemberId) =>
        chats.Select(c => new RowData(
            c,
            db.Departments.Where(d => d.Id == c.DepartmentId).Select(d => d.Name).First(),
            db.Stores.Where(s => s.Id == c.StoreId).Select(s => s.Name).FirstOrDefault(),
            db.ChatMessages.Where(m => m.ChatId == c.Id).OrderByDescending(m => m.Sequence).Select(m => m.Text).FirstOrDefault(),
            c.ExpertId == staffMemberId
                ? db.ChatMessages.Count(m => m.ChatId == c.Id && m.Sequence > c.ExpertReadSequence && m.Sender == MessageSender.Shopper)
                : 0,
            null,
            null,
            null,
            0,
            false,
            null));

    private InboxRow RowOf(RowData row, DateTimeOffset now)
    {
        var c = row.Chat;
        return new InboxRow(
            c.Id,
            ShopperLabel(c.ShopperId, c.ShopperName),
            c.Status,
            ChatChannel.Website,
            c.DepartmentId,
            row.Department,
            c.ExpertId,
            c.ExpertName,
            c.StoreId,
            row.StoreName,
            c.StartedAt,
            (int)Math.Max(0, c.WaitedAt(now).TotalSeconds),
            c.LastActivityAt,
            row.LastMessage,
            row.Unread,
            c.IsPriority,
            c.ArchivedAt is not null,
            presence.IsOnline(c.ShopperId),
            row.OfferId,
            row.OfferKind,
            row.OfferExpiresAt,
            Math.Max(0, row.Colleagues),
            row.SpokenBefore,
            row.RequestedByName);
    }

    /// <summary>The chat with what its views need, in one query, if this person may see it.</summary>
    private static Task<Found?> FindAsync(VirtualShoppingDbContext db, ChatStaff staff, Guid chatId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = staff.Id;
        var stores = staff.StoreIds.ToList();
        var manager = staff.IsStoreManager;
        return Visible(db, staff).Where(c => c.Id == chatId).Select(c => new Found(
                c,
                db.Departments.Where(d => d.Id == c.DepartmentId).Select(d => d.Name).First(),
                db.Stores.Where(s => s.Id == c.StoreId).Select(s => s.Name).FirstOrDefault(),
                manager && db.Teams.Any(t => t.IsActive && stores.Contains(t.StoreId) && t.Departments.Any(d => d.Id == c.DepartmentId && !d.IsArchived)),
                db.ChatOffers.Where(o => o.ChatId == c.Id && o.StaffMemberId == id && o.Status == OfferStatus.Pending && o.ExpiresAt > now)
                    .OrderByDescending(o => o.OfferedAt).FirstOrDefault(),
                db.ChatOffers.Count(p => p.ChatId == c.Id && p.Status == OfferStatus.Pending && p.Kind == OfferKind.Routing) - 1,
                db.ChatSettings.OrderBy(s => s.Id).Select(s => (bool?)s.PhotoAndVideoSending).FirstOrDefault() ?? true))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Active staff this person works with: everyone for HQ admins and support; their stores' people for a manager; their own teams' people for an expert.</summary>
    private static IQueryable<StaffMember> Teammates(VirtualShoppingDbContext db, ChatStaff staff)
    {
        var people = db.StaffMembers.AsNoTracking().Where(s => s.Status == StaffStatus.Active);
        if (staff.SeesWholeMerchant)
        {
            return people;
        }

        var id = staff.Id;
        if (staff.IsStoreManager)
        {
            var stores = staff.StoreIds.ToList();
            return people.Where(s => s.Id == id || s.Stores.Any(st => stores.Contains(st.Id)) || s.Teams.Any(t => stores.Contains(t.StoreId)));
        }

        return people.Where(s => s.Id == id || s.Teams.Any(t => t.Members.Any(m => m.Id == id)));
    }

    private static string? PageTitle(ShopperEvent e) =>
        e.Type == ShopperEventType.Detail && e.Products.Count > 0 ? CartChange.ShownName(e.Products[0].Name) : null;

    private static ShopperCartView CartOf(ShopperCart cart, string currency)
    {
        var (subtotal, cartCurrency) = cart.Subtotal(currency);
        return new ShopperCartView(
            cart.Lines.Select(l => new CartProductView(CartChange.ShownName(l.Name), l.Quantity, l.Price, l.Quantity)).ToList(),
            subtotal,
            cartCurrency,
            cart.UpdatedAt);
    }

    private sealed record RowData(
        Chat Chat,
        string Department,
        string? StoreName,
        string? LastMessage,
        int Unread,
        Guid? OfferId,
        OfferKind? OfferKind,
        DateTimeOffset? OfferExpiresAt,
        int Colleagues,
        bool SpokenBefore,
        string? RequestedByName);

    private sealed record Found(Chat Chat, string Department, string? StoreName, bool Served, ChatOffer? Offer, int Colleagues, bool MediaAllowed);
}
