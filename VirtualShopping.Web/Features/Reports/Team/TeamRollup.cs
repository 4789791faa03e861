using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Domain.Reports;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Features.Reports;

/// <summary>
/// Maintains the team performance rollup (<see cref="TeamDailyStat"/> and the per-second <see cref="TeamSecondsCount"/>
/// histogram) per merchant and local day: <see cref="RebuildAsync"/> recomputes whole days from the raw chats, offers,
/// messages, ratings, orders and availability periods; <see cref="RefreshAsync"/> rebuilds only the days touched by rows
/// that changed since the merchant's watermark (the recurring job runs it every 5 minutes).
/// </summary>
/// <remarks>
/// A chat belongs to the local day it started. Claim time = ClaimedAt − QueuedAt (the moment the chat entered, or
/// re-entered after a move to another department, the queue its claim answered: what the shopper waited for the
/// expert who took it; never before the chat started); first response = the claimer's first message to the shopper (not a note) − ClaimedAt;
/// duration = EndedAt − ClaimedAt. Seconds are whole (floored). Claim time, first response, duration and the rating
/// belong to the chat's expert and store; offers to the expert who got them (the chat's store if they hold it, else
/// their first store); a missed chat to the chat's store, or the first store it was offered to. Attributed orders
/// belong to the local day they were placed. Available time is split at local midnight; an open period counts up to now.
/// </remarks>
public sealed class TeamRollup(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Rows changed this long before the watermark are looked at again (a write committed late is not lost).</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    /// <summary>Without a watermark the first refresh rebuilds this many days back.</summary>
    public const int FirstRefreshDays = 400;

    /// <summary>Recomputes the merchant's local days <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public async Task RebuildAsync(Guid merchantId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync(cancellationToken);
        var (timeZone, currency) = await SettingsOfAsync(db, cancellationToken);
        await RebuildDaysAsync(db, merchantId, timeZone, currency, from, to, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>Rebuilds the days with rows changed since the merchant's watermark and moves the watermark; returns those days.</summary>
    public async Task<IReadOnlyList<DateOnly>> RefreshAsync(Guid merchantId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var (timeZone, currency) = await SettingsOfAsync(db, cancellationToken);
        var state = await db.TeamRollupStates.SingleOrDefaultAsync(cancellationToken);
        var days = state is null
            ? Enumerable.Range(0, FirstRefreshDays).Select(i => ReportRange.DayOf(now, timeZone).AddDays(-i)).ToHashSet()
            : await DirtyDaysAsync(db, state.Watermark - Overlap, now, timeZone, cancellationToken);
        foreach (var (first, last) in Runs(days))
        {
            await RebuildDaysAsync(db, merchantId, timeZone, currency, first, last, now, cancellationToken);
        }

        if (state is null)
        {
            db.TeamRollupStates.Add(new TeamRollupState { MerchantId = merchantId, Watermark = now });
        }
        else
        {
            state.Watermark = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return [.. days.Order()];
    }

    private static async Task<(TimeZoneInfo TimeZone, string Currency)> SettingsOfAsync(VirtualShoppingDbContext db, CancellationToken cancellationToken)
    {
        var account = await db.AccountSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new AccountSettings();
        return (TimeZoneInfo.TryFindSystemTimeZoneById(account.TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc, account.Currency);
    }

    /// <summary>The local days whose figures rows changed at or after <paramref name="since"/> may have changed.</summary>
    private static async Task<HashSet<DateOnly>> DirtyDaysAsync(VirtualShoppingDbContext db, DateTimeOffset since, DateTimeOffset now, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        // Offers are made and answered while the chat waits, before its claim deadline (a moved or handed-back chat gets a new one).
        var claimSlack = since - TimeSpan.FromMinutes(10);
        var chatStarts = await db.Chats.AsNoTracking()
            .Where(c => c.StartedAt >= since || c.LastActivityAt >= since || c.ClaimDeadline >= claimSlack || c.EndedAt >= since || c.RatedAt >= since)
            .Select(c => c.StartedAt).ToListAsync(cancellationToken);
        var orderTimes = await db.Orders.AsNoTracking()
            .Where(o => o.ReceivedAt >= since || o.AttributedAt >= since || o.CancelledAt >= since
                        || db.OrderAdjustments.Any(a => a.OrderId == o.Id && a.ReceivedAt >= since))
            .Select(o => o.PlacedAt).ToListAsync(cancellationToken);
        var periods = await db.ExpertAvailabilityPeriods.AsNoTracking()
            .Where(p => p.From >= since || p.To == null || p.To >= since)
            .Select(p => new { p.From, p.To }).ToListAsync(cancellationToken);
        var days = chatStarts.Concat(orderTimes).Select(t => ReportRange.DayOf(t, timeZone)).ToHashSet();
        foreach (var period in periods)
        {
            // Figures up to the last run counted an open period up to then: only what came after changed.
            var first = ReportRange.DayOf(period.From > since ? period.From : since, timeZone);
            var last = ReportRange.DayOf(period.To is { } to && to < now ? to : now, timeZone);
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                days.Add(day);
            }
        }

        return days;
    }

    /// <summary>Consecutive days as (first, last) runs, so each run is one rebuild.</summary>
    private static IEnumerable<(DateOnly First, DateOnly Last)> Runs(IEnumerable<DateOnly> days)
    {
        DateOnly? first = null, last = null;
        foreach (var day in days.Order())
        {
            if (last is { } previous && day == previous.AddDays(1))
            {
                last = day;
                continue;
            }

            if (first is { } start)
            {
                yield return (start, last!.Value);
            }

            first = last = day;
        }

        if (first is { } f)
        {
            yield return (f, last!.Value);
        }
    }

    private static async Task RebuildDaysAsync(
        VirtualShoppingDbContext db, Guid merchantId, TimeZoneInfo timeZone, string currency, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var start = ReportRange.StartOf(from, timeZone);
        var end = ReportRange.StartOf(to.AddDays(1), timeZone);
        var chats = await db.Chats.AsNoTracking()
            .Where(c => c.StartedAt >= start && c.StartedAt < end)
            .Select(c => new
            {
                c.Id, c.StartedAt, c.Status, c.DepartmentId, c.ExpertId, c.StoreId, c.QueuedAt, c.ClaimedAt, c.EndedAt, c.Rating,
                FirstResponse = db.ChatMessages
                    .Where(m => m.ChatId == c.Id && m.Sender == MessageSender.Expert && m.Kind != MessageKind.Note && m.SentAt >= c.ClaimedAt)
                    .OrderBy(m => m.Sequence).Select(m => (DateTimeOffset?)m.SentAt).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var offers = (await db.ChatOffers.AsNoTracking()
                .Where(o => o.Kind == OfferKind.Routing)
                .Join(db.Chats.Where(c => c.StartedAt >= start && c.StartedAt < end), o => o.ChatId, c => c.Id, (o, c) => new { o.ChatId, o.StaffMemberId, o.Status, o.Wave })
                .ToListAsync(cancellationToken))
            .ToLookup(o => o.ChatId);
        var homeStores = await HomeStoresAsync(db, cancellationToken);
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.PlacedAt >= start && o.PlacedAt < end && o.AttributedStaffMemberId != null)
            .Select(o => new { o.PlacedAt, o.AttributedStaffMemberId, o.AttributedStoreId, o.AttributedDepartmentId, o.Currency, o.Subtotal, o.RefundedAmount, o.Status })
            .ToListAsync(cancellationToken);
        var upTo = now < end ? now : end;
        var periods = await db.ExpertAvailabilityPeriods.AsNoTracking()
            .Where(p => p.From < upTo && (p.To == null || p.To > start))
            .Select(p => new { p.StaffMemberId, p.From, p.To }).ToListAsync(cancellationToken);

        var stats = new Dictionary<(DateOnly, Guid, Guid, Guid), TeamDailyStat>();
        var seconds = new Dictionary<(DateOnly, Guid, Guid, Guid, TeamMetric, int), TeamSecondsCount>();
        TeamDailyStat Stat(DateOnly day, Guid staff, Guid? store, Guid? department)
        {
            var key = (day, staff, store ?? Guid.Empty, department ?? Guid.Empty);
            if (!stats.TryGetValue(key, out var stat))
            {
                stats[key] = stat = new TeamDailyStat { MerchantId = merchantId, Day = day, StaffMemberId = staff, StoreId = key.Item3, DepartmentId = key.Item4 };
            }

            return stat;
        }

        void Count(DateOnly day, Guid staff, Guid? store, Guid department, TeamMetric metric, int whole)
        {
            var key = (day, staff, store ?? Guid.Empty, department, metric, whole);
            if (!seconds.TryGetValue(key, out var row))
            {
                seconds[key] = row = new TeamSecondsCount { MerchantId = merchantId, Day = day, StaffMemberId = staff, StoreId = key.Item3, DepartmentId = department, Metric = metric, Seconds = whole };
            }

            row.Count++;
        }

        foreach (var chat in chats)
        {
            var day = ReportRange.DayOf(chat.StartedAt, timeZone);
            var chatOffers = offers[chat.Id].ToList();
            if (chat.Status == ChatStatus.Missed)
            {
                var firstOffered = chatOffers.OrderBy(o => o.Wave).Select(o => (Guid?)o.StaffMemberId).FirstOrDefault();
                var store = chat.StoreId ?? (firstOffered is { } first ? homeStores.GetValueOrDefault(first) : null);
                Stat(day, Guid.Empty, store, chat.DepartmentId).MissedChats++;
            }

            var claimer = chat.ClaimedAt is not null ? chat.ExpertId : null;
            // Offered: distinct chats with a routing offer to the expert, and the chat they claimed (a transfer, a seeded chat).
            var offeredTo = chatOffers.Select(o => o.StaffMemberId).ToHashSet();
            if (claimer is { } claimedBy)
            {
                offeredTo.Add(claimedBy);
            }

            foreach (var staff in offeredTo)
            {
                var store = staff == claimer ? chat.StoreId ?? homeStores.GetValueOrDefault(staff) : homeStores.GetValueOrDefault(staff);
                var stat = Stat(day, staff, store, chat.DepartmentId);
                stat.Offered++;
                stat.MissedOffers += chatOffers.Count(o => o.StaffMemberId == staff && o.Status == OfferStatus.Expired);
                stat.Declined += chatOffers.Count(o => o.StaffMemberId == staff && o.Status == OfferStatus.Declined);
            }

            if (claimer is not { } expert || chat.ClaimedAt is not { } claimedAt)
            {
                continue;
            }

            var held = Stat(day, expert, chat.StoreId ?? homeStores.GetValueOrDefault(expert), chat.DepartmentId);
            held.Claimed++;
            switch (chat.Rating)
            {
                case 1: held.Rating1++; break;
                case 2: held.Rating2++; break;
                case 3: held.Rating3++; break;
                case 4: held.Rating4++; break;
                case 5: held.Rating5++; break;
            }

            Count(day, expert, held.StoreId, chat.DepartmentId, TeamMetric.ClaimTime, TeamTimes.ClaimTime(chat.StartedAt, chat.QueuedAt, claimedAt)!.Value);
            if (chat.FirstResponse is { } response)
            {
                Count(day, expert, held.StoreId, chat.DepartmentId, TeamMetric.FirstResponse, TeamTimes.WholeSeconds(response - claimedAt));
            }

            if (chat.Status == ChatStatus.Ended && chat.EndedAt is { } ended)
            {
                Count(day, expert, held.StoreId, chat.DepartmentId, TeamMetric.Duration, TeamTimes.WholeSeconds(ended - claimedAt));
            }
        }

        foreach (var order in orders)
        {
            var stat = Stat(ReportRange.DayOf(order.PlacedAt, timeZone), order.AttributedStaffMemberId!.Value, order.AttributedStoreId, order.AttributedDepartmentId);
            stat.AttributedOrders++;
            if (string.Equals(order.Currency, currency, StringComparison.OrdinalIgnoreCase))
            {
                stat.AttributedRevenue += order.Status == OrderStatus.Cancelled ? 0m : Math.Max(0m, order.Subtotal - order.RefundedAmount);
            }
        }

        foreach (var period in periods)
        {
            var periodStart = period.From > start ? period.From : start;
            var periodEnd = period.To is { } to2 && to2 < upTo ? to2 : upTo;
            foreach (var (day, available) in AvailableTime.ByDay(periodStart, periodEnd, timeZone))
            {
                Stat(day, period.StaffMemberId, homeStores.GetValueOrDefault(period.StaffMemberId), null).AvailableSeconds += available;
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.TeamDailyStats.Where(s => s.Day >= from && s.Day <= to).ExecuteDeleteAsync(cancellationToken);
        await db.TeamSecondsCounts.Where(s => s.Day >= from && s.Day <= to).ExecuteDeleteAsync(cancellationToken);
        await MultiRowInsert.InsertAsync(db, stats.Values, cancellationToken);
        await MultiRowInsert.InsertAsync(db, seconds.Values, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Each staff member's first store (assigned, else a team's), for figures not tied to a chat's store.</summary>
    private static async Task<Dictionary<Guid, Guid?>> HomeStoresAsync(VirtualShoppingDbContext db, CancellationToken cancellationToken) =>
        await db.StaffMembers.AsNoTracking()
            .Select(s => new
            {
                s.Id,
                Store = s.Stores.OrderBy(st => st.Name).Select(st => (Guid?)st.Id).FirstOrDefault()
                        ?? s.Teams.OrderBy(t => t.Name).Select(t => (Guid?)t.StoreId).FirstOrDefault(),
            })
            .ToDictionaryAsync(s => s.Id, s => s.Store, cancellationToken);
}
