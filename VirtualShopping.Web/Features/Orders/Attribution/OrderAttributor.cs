using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Orders;

/// <summary>
/// Credits an order (<see cref="AttributionRule"/>): gathers the shopper's touches in the merchant's window before the
/// order, matched by the order's share token, widget session, browser id or email, and records the winner on the
/// order (or none). The caller saves. Runs on the order's merchant only.
/// </summary>
public sealed class OrderAttributor(TimeProvider clock)
{
    public async Task AttributeAsync(VirtualShoppingDbContext db, Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(order);
        var window = await WindowDaysAsync(db, order.MerchantId, cancellationToken);
        var touches = await TouchesAsync(db, order, window, cancellationToken);
        order.Attribute(AttributionRule.Decide(order.PlacedAt, touches, window), window, clock.GetUtcNow());
    }

    /// <summary>The merchant's window, kept within 1–90 days.</summary>
    public static async Task<int> WindowDaysAsync(VirtualShoppingDbContext db, Guid merchantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var days = await db.AccountSettings.AsNoTracking().Where(a => a.MerchantId == merchantId)
            .Select(a => (int?)a.AttributionWindowDays).FirstOrDefaultAsync(cancellationToken);
        return Math.Clamp(days ?? AttributionRule.DefaultWindowDays, AttributionRule.MinWindowDays, AttributionRule.MaxWindowDays);
    }

    /// <summary>Every touch that could credit the order: chats and share-link clicks within the window, each with how it matched.</summary>
    public static async Task<List<AttributionTouch>> TouchesAsync(VirtualShoppingDbContext db, Order order, int windowDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(order);
        var merchantId = order.MerchantId;
        var windowEnd = order.PlacedAt.ToUniversalTime();
        var windowStart = windowEnd - TimeSpan.FromDays(windowDays);
        var touches = new List<AttributionTouch>();

        // Chats of the same widget session, or where the shopper gave the order's email. Each expert who took part touched
        // the shopper when they last did so before the order: their last message to the shopper (internal notes aside),
        // or when they claimed the chat or took it over by transfer, whichever is later.
        var shopperId = order.ShopperId;
        var emailHash = order.CustomerEmailHash;
        if (shopperId is not null || emailHash is not null)
        {
            var chats = await db.Chats.AsNoTracking()
                .Where(c => c.MerchantId == merchantId && c.StartedAt <= windowEnd && (c.EndedAt == null || c.EndedAt >= windowStart))
                .Where(c => (shopperId != null && c.ShopperId == shopperId) || (emailHash != null && c.ShopperEmailHash == emailHash))
                .Select(c => new { c.Id, c.ShopperId, c.ExpertId, c.ClaimedAt, c.StoreId, c.DepartmentId })
                .ToListAsync(cancellationToken);
            if (chats.Count > 0)
            {
                var chatIds = chats.Select(c => c.Id).ToList();
                var spoken = await db.ChatMessages.AsNoTracking()
                    .Where(m => m.MerchantId == merchantId && chatIds.Contains(m.ChatId) && m.Sender == MessageSender.Expert && m.Kind != MessageKind.Note
                                && m.StaffMemberId != null && m.SentAt <= windowEnd)
                    .GroupBy(m => new { m.ChatId, m.StaffMemberId })
                    .Select(g => new { g.Key.ChatId, StaffMemberId = g.Key.StaffMemberId!.Value, Last = g.Max(m => m.SentAt) })
                    .ToListAsync(cancellationToken);
                var joined = await db.ChatOffers.AsNoTracking()
                    .Where(o => o.MerchantId == merchantId && chatIds.Contains(o.ChatId) && o.Status == OfferStatus.Claimed && o.RespondedAt != null)
                    .Select(o => new { o.ChatId, o.StaffMemberId, At = o.RespondedAt!.Value })
                    .ToListAsync(cancellationToken);
                var stores = await StoresOfAsync(db, merchantId, spoken.Select(s => s.StaffMemberId).Concat(joined.Select(j => j.StaffMemberId)), cancellationToken);
                foreach (var chat in chats)
                {
                    var match = shopperId != null && chat.ShopperId == shopperId ? AttributionMatch.Session : AttributionMatch.Email;
                    var experts = new Dictionary<Guid, DateTimeOffset>();
                    void Took(Guid expertId, DateTimeOffset at)
                    {
                        if (!experts.TryGetValue(expertId, out var last) || last < at)
                        {
                            experts[expertId] = at;
                        }
                    }

                    foreach (var message in spoken.Where(s => s.ChatId == chat.Id))
                    {
                        Took(message.StaffMemberId, message.Last);
                    }

                    var claims = joined.Where(j => j.ChatId == chat.Id).ToList();
                    foreach (var claim in claims.Where(c => c.At <= windowEnd))
                    {
                        Took(claim.StaffMemberId, claim.At);
                    }

                    // A chat with no claim on record (assigned straight to its holder): the holder took part from the claim.
                    if (claims.Count == 0 && chat.ExpertId is { } holder && chat.ClaimedAt is { } claimed && claimed <= windowEnd)
                    {
                        Took(holder, claimed);
                    }

                    foreach (var (expertId, at) in experts)
                    {
                        var storeId = expertId == chat.ExpertId ? chat.StoreId : stores.GetValueOrDefault((expertId, chat.DepartmentId)) ?? stores.GetValueOrDefault((expertId, Guid.Empty));
                        touches.Add(new AttributionTouch(AttributionTouchKind.Chat, chat.Id, at, expertId, storeId, chat.DepartmentId, chat.Id, match));
                    }
                }
            }
        }

        // Clicks on an expert's share links: the token the order carried, the same session, or the same browser.
        var token = order.ShareToken;
        var browserId = order.BrowserId;
        if (token is not null || shopperId is not null || browserId is not null)
        {
            var clicks = await (
                    from click in db.ProductShareClicks.AsNoTracking()
                    join share in db.ProductShares.AsNoTracking() on click.ShareId equals share.Id
                    where click.MerchantId == merchantId && click.ClickedAt >= windowStart && click.ClickedAt <= windowEnd
                          && ((token != null && share.Token == token) || (shopperId != null && click.ShopperId == shopperId) || (browserId != null && click.BrowserId == browserId))
                    select new { click.Id, click.ClickedAt, click.StaffMemberId, click.StoreId, click.ShopperId, click.BrowserId, share.Token, share.ChatId })
                .ToListAsync(cancellationToken);
            var chatIds = clicks.Where(c => c.ChatId != null).Select(c => c.ChatId!.Value).Distinct().ToList();
            var departments = chatIds.Count == 0
                ? []
                : await db.Chats.AsNoTracking().Where(c => c.MerchantId == merchantId && chatIds.Contains(c.Id))
                    .ToDictionaryAsync(c => c.Id, c => c.DepartmentId, cancellationToken);
            foreach (var click in clicks)
            {
                var match = token != null && click.Token == token ? AttributionMatch.ShareToken
                    : shopperId != null && click.ShopperId == shopperId ? AttributionMatch.Session
                    : AttributionMatch.Browser;
                Guid? departmentId = click.ChatId is { } chatId && departments.TryGetValue(chatId, out var department) ? department : null;
                touches.Add(new AttributionTouch(AttributionTouchKind.ShareClick, click.Id, click.ClickedAt, click.StaffMemberId, click.StoreId, departmentId, click.ChatId, match));
            }
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
