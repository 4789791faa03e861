using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Domain.Products;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Features.Orders;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Web.Features.Demo;

/// <summary>
/// About four months of the demo merchant's activity up to now, so every report a newcomer opens has data: ended chats
/// claimed by the experts of stores open at the time (offers claimed, declined, run out and withdrawn; first responses
/// seconds after the claim; ratings, mostly 4–5; some emails given; a few transfers), missed chats and left messages,
/// product cards with their share links and clicks, one-off links, and orders from the widget, the order API and Shopify
/// (about a third of claimed chats lead to one within days, many more are unattributed), some refunded or cancelled.
/// Orders are credited by the real <see cref="OrderAttributor"/>. Chats follow weekday and hour patterns in the
/// merchant's time zone. Deterministic for a given "now" (a seeded <see cref="Random"/>), and added once: a merchant
/// that already has the first history order (<see cref="MarkerOrderId"/>) is left alone.
/// </summary>
public static partial class DemoHistory
{
    /// <summary>The first history order's id: its presence says the history is there.</summary>
    public const string MarkerOrderId = "DO-100001";

    /// <summary>How far back the history goes.</summary>
    public const int Days = 120;

    private const int Seed = 2026_13;

    /// <summary>Chats a day before the weekday and growth factors.</summary>
    private const double ChatsPerDay = 17.5;

    /// <summary>
    /// Seeds the history for <paramref name="merchantId"/> (the context must be scoped to it) up to <paramref name="now"/>.
    /// Rollups of the reports are not rebuilt here: the caller follows with them over the result's days.
    /// </summary>
    public static async Task<DemoHistoryResult> SeedAsync(
        VirtualShoppingDbContext db, Guid merchantId, DateTimeOffset now, OrderAttributor attributor, ProductShares shares, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(attributor);
        ArgumentNullException.ThrowIfNull(shares);
        var timer = Stopwatch.StartNew();
        var settings = await db.AccountSettings.AsNoTracking().Where(s => s.MerchantId == merchantId).Select(s => new { s.TimeZoneId, s.Currency }).SingleAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var from = today.AddDays(-Days);
        if (await db.Orders.AnyAsync(o => o.MerchantId == merchantId && o.ExternalId == MarkerOrderId, cancellationToken))
        {
            return new DemoHistoryResult(false, from, today, 0, 0, timer.Elapsed);
        }

        var world = await LoadAsync(db, merchantId, cancellationToken);
        var builder = new Builder(merchantId, now, zone, settings.Currency, world, shares, new Random(Seed));
        builder.AddChats(from, today);
        builder.AddOneOffShares(from, today);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.Chats.AddRange(builder.Chats);
            db.ChatOffers.AddRange(builder.Offers);
            db.ChatMessages.AddRange(builder.Messages);
            db.LeftMessages.AddRange(builder.LeftMessages);
            db.ProductShares.AddRange(builder.Shares);
            db.ProductShareClicks.AddRange(builder.Clicks);
            db.ExpertAvailabilityPeriods.AddRange(AvailabilityOf(merchantId, builder.Offers, zone, today));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();

            var orders = builder.Orders(from, today);
            await attributor.AttributeAllAsync(db, orders.Select(o => o.Order).ToList(), cancellationToken);

            var adjustments = builder.Adjust(orders);
            db.Orders.AddRange(orders.Select(o => o.Order));
            db.OrderAdjustments.AddRange(adjustments);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new DemoHistoryResult(true, from, today, builder.Chats.Count, orders.Count, timer.Elapsed);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>
    /// The experts' past shifts as the availability log would have them: on each day an expert was offered chats, available
    /// from a little before the first offer to a little after the last (today's availability is the experts' own).
    /// </summary>
    private static List<ExpertAvailabilityPeriod> AvailabilityOf(Guid merchantId, IEnumerable<ChatOffer> offers, TimeZoneInfo zone, DateOnly today)
    {
        var random = new Random(Seed + 1);
        return offers
            .GroupBy(o => (o.StaffMemberId, Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(o.OfferedAt, zone).DateTime)))
            .Where(g => g.Key.Day < today)
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.StaffMemberId)
            .Select(g => new ExpertAvailabilityPeriod
            {
                MerchantId = merchantId,
                StaffMemberId = g.Key.StaffMemberId,
                From = g.Min(o => o.OfferedAt).AddMinutes(-random.Next(5, 45)).ToUniversalTime(),
                To = g.Max(o => o.ExpiresAt).AddMinutes(random.Next(5, 60)).ToUniversalTime(),
            })
            .ToList();
    }

    /// <summary>An active expert as the history routes chats to them: their store and the departments their active teams serve.</summary>
    private sealed record Expert(Guid Id, string Name, Store Store, HashSet<Guid> Departments);

    private sealed record World(IReadOnlyList<Expert> Experts, List<(Guid Id, string Name)> Departments, IReadOnlyList<Product> Products);

    private static async Task<World> LoadAsync(VirtualShoppingDbContext db, Guid merchantId, CancellationToken cancellationToken)
    {
        var stores = await db.Stores.AsNoTracking().Include(s => s.OpeningHours).Include(s => s.SpecialHours)
            .Where(s => s.MerchantId == merchantId && s.Status == StoreStatus.Active).ToDictionaryAsync(s => s.Id, cancellationToken);
        var teams = await db.Teams.AsNoTracking().Where(t => t.MerchantId == merchantId && t.IsActive)
            .OrderBy(t => t.StoreId).ThenBy(t => t.Name)
            .Select(t => new
            {
                t.StoreId,
                Members = t.Members.Where(m => m.Status == StaffStatus.Active && (m.Roles & StaffRoles.Expert) == StaffRoles.Expert)
                    .OrderBy(m => m.DisplayName).Select(m => new { m.Id, m.DisplayName }).ToList(),
                Departments = t.Departments.Where(d => !d.IsArchived).Select(d => d.Id).ToList(),
            })
            .ToListAsync(cancellationToken);
        var experts = new Dictionary<Guid, Expert>();
        foreach (var team in teams.Where(t => stores.ContainsKey(t.StoreId)))
        {
            foreach (var member in team.Members)
            {
                if (!experts.TryGetValue(member.Id, out var expert))
                {
                    expert = new Expert(member.Id, member.DisplayName, stores[team.StoreId], []);
                    experts.Add(member.Id, expert);
                }

                expert.Departments.UnionWith(team.Departments);
            }
        }

        var departments = await db.Departments.AsNoTracking().Where(d => d.MerchantId == merchantId && !d.IsArchived).OrderBy(d => d.SortOrder)
            .Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken);
        var products = await db.Products.AsNoTracking().Where(p => p.MerchantId == merchantId && p.InFeed).OrderBy(p => p.ExternalId).ToListAsync(cancellationToken);
        return new World(experts.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToList(), departments.Select(d => (d.Id, d.Name)).ToList(), products);
    }
}
