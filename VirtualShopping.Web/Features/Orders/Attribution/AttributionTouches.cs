using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Orders;

/// <summary>
/// What the shoppers of some orders did with the merchant's experts, loaded in a few queries: the chats of their widget
/// sessions or emails (with each expert's messages and claims), and the clicks on share links by their token, session or
/// browser. <see cref="For"/> then picks one order's touches inside its window. One order or thousands, the same rules.
/// </summary>
internal sealed class AttributionTouches
{
    private sealed record ChatRow(Guid Id, Guid ShopperId, string? ShopperEmailHash, Guid? ExpertId, DateTimeOffset StartedAt, DateTimeOffset? ClaimedAt, DateTimeOffset? EndedAt, Guid? StoreId, Guid DepartmentId);

    private sealed record TookPart(Guid ChatId, Guid StaffMemberId, DateTimeOffset At);

    private sealed record ClickRow(Guid Id, DateTimeOffset ClickedAt, Guid StaffMemberId, Guid? StoreId, Guid? ShopperId, string? BrowserId, string Token, Guid? ChatId);

    private List<ChatRow> chats = [];
    private ILookup<Guid, TookPart> messages = Array.Empty<TookPart>().ToLookup(m => m.ChatId);
    private ILookup<Guid, TookPart> claims = Array.Empty<TookPart>().ToLookup(m => m.ChatId);
    private Dictionary<(Guid StaffMemberId, Guid DepartmentId), Guid?> stores = [];
    private List<ClickRow> clicks = [];
    private Dictionary<Guid, Guid> chatDepartments = [];

    public static async Task<AttributionTouches> LoadAsync(VirtualShoppingDbContext db, Guid merchantId, IReadOnlyCollection<Order> orders, int windowDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var loaded = new AttributionTouches();
        if (orders.Count == 0)
        {
            return loaded;
        }

        var windowEnd = orders.Max(o => o.PlacedAt.ToUniversalTime());
        var windowStart = orders.Min(o => o.PlacedAt.ToUniversalTime()) - TimeSpan.FromDays(windowDays);
        var shopperIds = orders.Where(o => o.ShopperId is not null).Select(o => o.ShopperId!.Value).Distinct().ToList();
        var emailHashes = orders.Where(o => o.CustomerEmailHash is not null).Select(o => o.CustomerEmailHash!).Distinct().ToList();
        var tokens = orders.Where(o => o.ShareToken is not null).Select(o => o.ShareToken!).Distinct().ToList();
        var browserIds = orders.Where(o => o.BrowserId is not null).Select(o => o.BrowserId!).Distinct().ToList();

        if (shopperIds.Count > 0 || emailHashes.Count > 0)
        {
            loaded.chats = await db.Chats.AsNoTracking()
                .Where(c => c.MerchantId == merchantId && c.StartedAt <= windowEnd && (c.EndedAt == null || c.EndedAt >= windowStart))
                .Where(c => shopperIds.Contains(c.ShopperId) || (c.ShopperEmailHash != null && emailHashes.Contains(c.ShopperEmailHash)))
                .Select(c => new ChatRow(c.Id, c.ShopperId, c.ShopperEmailHash, c.ExpertId, c.StartedAt, c.ClaimedAt, c.EndedAt, c.StoreId, c.DepartmentId))
                .ToListAsync(cancellationToken);
        }

        if (loaded.chats.Count > 0)
        {
            // Each expert's messages to the shopper (internal notes are not), and each claim or takeover by transfer.
            var chatIds = loaded.chats.Select(c => c.Id).ToList();
            var spoken = await db.ChatMessages.AsNoTracking()
                .Where(m => m.MerchantId == merchantId && chatIds.Contains(m.ChatId) && m.Sender == MessageSender.Expert && m.Kind != MessageKind.Note && m.StaffMemberId != null)
                .Select(m => new TookPart(m.ChatId, m.StaffMemberId!.Value, m.SentAt))
                .ToListAsync(cancellationToken);
            var claimed = await db.ChatOffers.AsNoTracking()
                .Where(o => o.MerchantId == merchantId && chatIds.Contains(o.ChatId) && o.Status == OfferStatus.Claimed && o.RespondedAt != null)
                .Select(o => new TookPart(o.ChatId, o.StaffMemberId, o.RespondedAt!.Value))
                .ToListAsync(cancellationToken);
            loaded.messages = spoken.ToLookup(m => m.ChatId);
            loaded.claims = claimed.ToLookup(m => m.ChatId);
            loaded.stores = await StoresOfAsync(db, merchantId, spoken.Concat(claimed).Select(t => t.StaffMemberId), cancellationToken);
        }

        if (tokens.Count > 0 || shopperIds.Count > 0 || browserIds.Count > 0)
        {
            loaded.clicks = await (
                    from click in db.ProductShareClicks.AsNoTracking()
                    join share in db.ProductShares.AsNoTracking() on click.ShareId equals share.Id
                    where click.MerchantId == merchantId && click.ClickedAt >= windowStart && click.ClickedAt <= windowEnd
                          && (tokens.Contains(share.Token)
                              || (click.ShopperId != null && shopperIds.Contains(click.ShopperId.Value))
                              || (click.BrowserId != null && browserIds.Contains(click.BrowserId)))
                    select new ClickRow(click.Id, click.ClickedAt, click.StaffMemberId, click.StoreId, click.ShopperId, click.BrowserId, share.Token, share.ChatId))
                .ToListAsync(cancellationToken);
            var sharedIn = loaded.clicks.Where(c => c.ChatId != null).Select(c => c.ChatId!.Value).Distinct().ToList();
            if (sharedIn.Count > 0)
            {
                loaded.chatDepartments = await db.Chats.AsNoTracking().Where(c => c.MerchantId == merchantId && sharedIn.Contains(c.Id))
                    .ToDictionaryAsync(c => c.Id, c => c.DepartmentId, cancellationToken);
            }
        }

        return loaded;
    }

    /// <summary>The order's touches in the window before it, each with how it matched the order.</summary>
    public List<AttributionTouch> For(Order order, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(order);
        var windowEnd = order.PlacedAt.ToUniversalTime();
        var windowStart = windowEnd - TimeSpan.FromDays(windowDays);
        var touches = new List<AttributionTouch>();
        var shopperId = order.ShopperId;
        var emailHash = order.CustomerEmailHash;

        // Chats of the same widget session, or where the shopper gave the order's email. Each expert who took part touched
        // the shopper when they last did so before the order: their last message to the shopper, or when they claimed the
        // chat or took it over by transfer, whichever is later.
        foreach (var chat in chats)
        {
            var sameSession = shopperId != null && chat.ShopperId == shopperId;
            if ((!sameSession && (emailHash is null || chat.ShopperEmailHash != emailHash))
                || chat.StartedAt > windowEnd || chat.EndedAt < windowStart)
            {
                continue;
            }

            var experts = new Dictionary<Guid, DateTimeOffset>();
            foreach (var took in messages[chat.Id].Concat(claims[chat.Id]).Where(t => t.At <= windowEnd))
            {
                if (!experts.TryGetValue(took.StaffMemberId, out var last) || last < took.At)
                {
                    experts[took.StaffMemberId] = took.At;
                }
            }

            // A chat with no claim on record (assigned straight to its holder): the holder took part from the claim.
            if (!claims[chat.Id].Any() && chat.ExpertId is { } holder && chat.ClaimedAt is { } claimedAt && claimedAt <= windowEnd
                && (!experts.TryGetValue(holder, out var spokeAt) || spokeAt < claimedAt))
            {
                experts[holder] = claimedAt;
            }

            var match = sameSession ? AttributionMatch.Session : AttributionMatch.Email;
            foreach (var (expertId, at) in experts)
            {
                var storeId = expertId == chat.ExpertId
                    ? chat.StoreId
                    : stores.GetValueOrDefault((expertId, chat.DepartmentId)) ?? stores.GetValueOrDefault((expertId, Guid.Empty));
                touches.Add(new AttributionTouch(AttributionTouchKind.Chat, chat.Id, at, expertId, storeId, chat.DepartmentId, chat.Id, match));
            }
        }

        // Clicks on an expert's share links: the token the order carried, the same session, or the same browser.
        var token = order.ShareToken;
        var browserId = order.BrowserId;
        foreach (var click in clicks)
        {
            AttributionMatch? match = token != null && click.Token == token ? AttributionMatch.ShareToken
                : shopperId != null && click.ShopperId == shopperId ? AttributionMatch.Session
                : browserId != null && click.BrowserId == browserId ? AttributionMatch.Browser
                : null;
            if (match is null || click.ClickedAt < windowStart || click.ClickedAt > windowEnd)
            {
                continue;
            }

            Guid? departmentId = click.ChatId is { } chatId && chatDepartments.TryGetValue(chatId, out var department) ? department : null;
            touches.Add(new AttributionTouch(AttributionTouchKind.ShareClick, click.Id, click.ClickedAt, click.StaffMemberId, click.StoreId, departmentId, click.ChatId, match.Value));
        }

        return touches;
    }

    /// <summary>
    /// The stores an expert who no longer holds a chat worked from: keyed by (expert, department), the store of their
    /// active team serving that department; keyed by (expert, <see cref="Guid.Empty"/>), their first store by name.
    /// </summary>
    private static async Task<Dictionary<(Guid StaffMemberId, Guid DepartmentId), Guid?>> StoresOfAsync(
        VirtualShoppingDbContext db, Guid merchantId, IEnumerable<Guid> staffIds, CancellationToken cancellationToken)
    {
        var ids = staffIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var stores = new Dictionary<(Guid, Guid), Guid?>();
        var teams = await db.Teams.AsNoTracking().Where(t => t.MerchantId == merchantId && t.IsActive && t.Members.Any(m => ids.Contains(m.Id)))
            .OrderBy(t => t.Name)
            .Select(t => new { t.StoreId, Members = t.Members.Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToList(), Departments = t.Departments.Select(d => d.Id).ToList() })
            .ToListAsync(cancellationToken);
        foreach (var team in teams)
        {
            foreach (var member in team.Members)
            {
                foreach (var department in team.Departments)
                {
                    stores.TryAdd((member, department), team.StoreId);
                }
            }
        }

        var firstStores = await db.StaffMembers.AsNoTracking().Where(s => s.MerchantId == merchantId && ids.Contains(s.Id))
            .Select(s => new { s.Id, StoreId = s.Stores.OrderBy(x => x.Name).Select(x => (Guid?)x.Id).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        foreach (var row in firstStores)
        {
            stores[(row.Id, Guid.Empty)] = row.StoreId;
        }

        return stores;
    }
}
