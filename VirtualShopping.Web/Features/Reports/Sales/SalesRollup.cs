using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Domain.Reports;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Features.Reports;

/// <summary>
/// Keeps <see cref="SalesDailyRollup"/> up to date. <see cref="RebuildAsync"/> recomputes whole local days from the raw
/// orders and chats; <see cref="RefreshAsync"/> (the recurring job's step) rebuilds only the days that changes since
/// the merchant's watermark touched: an order received or re-attributed marks its own day and its touch chat's day
/// (the chat's conversion), an adjustment marks its order's days, a chat started, claimed or active marks its day.
/// </summary>
public sealed class SalesRollup(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>How far back each refresh reads again, for writes that committed just after the previous one read.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    /// <summary>The longest a shopper's chat and its attributed order can lie apart (the longest window, and a day).</summary>
    private static readonly TimeSpan LongestReach = TimeSpan.FromDays(AttributionRule.MaxWindowDays + 1);

    private const int InsertChunk = 2_000;

    /// <summary>Recomputes the local days <paramref name="from"/> to <paramref name="to"/> (merchant time zone) of one merchant.</summary>
    public async Task RebuildAsync(Guid merchantId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync(cancellationToken);
        var timeZone = await TimeZoneAsync(db, cancellationToken);
        await RebuildDaysAsync(db, merchantId, timeZone, from, to, cancellationToken);
    }

    /// <summary>Rebuilds the days changed since the last refresh (everything, the first time) and moves the watermark on.</summary>
    public async Task RefreshAsync(Guid merchantId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var timeZone = await TimeZoneAsync(db, cancellationToken);
        var watermark = await db.SalesRollupWatermarks.SingleOrDefaultAsync(cancellationToken);
        var since = watermark?.ChangesSince ?? DateTimeOffset.MinValue;
        var days = await DirtyDaysAsync(db, timeZone, since, cancellationToken);
        foreach (var (first, last) in Runs(days))
        {
            await RebuildDaysAsync(db, merchantId, timeZone, first, last, cancellationToken);
        }

        if (watermark is null)
        {
            db.SalesRollupWatermarks.Add(watermark = new SalesRollupWatermark { MerchantId = merchantId });
        }

        watermark.ChangesSince = now - Overlap;
        watermark.RefreshedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The local days whose figures changes since <paramref name="since"/> touched.</summary>
    private static async Task<SortedSet<DateOnly>> DirtyDaysAsync(VirtualShoppingDbContext db, TimeZoneInfo timeZone, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var instants = new List<DateTimeOffset>();
        var chatIds = new HashSet<Guid>();
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.ReceivedAt >= since || (o.AttributedAt != null && o.AttributedAt >= since))
            .Select(o => new { o.PlacedAt, o.AttributionChatId }).ToListAsync(cancellationToken);
        var adjusted = await db.OrderAdjustments.AsNoTracking().Where(a => a.ReceivedAt >= since)
            .Join(db.Orders, a => a.OrderId, o => o.Id, (a, o) => new { o.PlacedAt, o.AttributionChatId }).ToListAsync(cancellationToken);
        foreach (var order in orders.Concat(adjusted))
        {
            instants.Add(order.PlacedAt);
            if (order.AttributionChatId is { } chatId)
            {
                chatIds.Add(chatId);
            }
        }

        instants.AddRange(await db.Chats.AsNoTracking()
            .Where(c => c.StartedAt >= since || (c.ClaimedAt != null && c.ClaimedAt >= since) || c.LastActivityAt >= since)
            .Select(c => c.StartedAt).ToListAsync(cancellationToken));
        if (chatIds.Count > 0)
        {
            foreach (var chunk in chatIds.Chunk(500))
            {
                instants.AddRange(await db.Chats.AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => c.StartedAt).ToListAsync(cancellationToken));
            }
        }

        return [.. instants.Select(i => ReportRange.DayOf(i, timeZone))];
    }

    /// <summary>Consecutive days as (first, last) runs.</summary>
    private static IEnumerable<(DateOnly First, DateOnly Last)> Runs(SortedSet<DateOnly> days)
    {
        DateOnly? first = null;
        var last = default(DateOnly);
        foreach (var day in days)
        {
            if (first is not null && day.DayNumber != last.DayNumber + 1)
            {
                yield return (first.Value, last);
                first = null;
            }

            first ??= day;
            last = day;
        }

        if (first is not null)
        {
            yield return (first.Value, last);
        }
    }

    private static async Task RebuildDaysAsync(VirtualShoppingDbContext db, Guid merchantId, TimeZoneInfo timeZone, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var range = new ReportRange(from, to, timeZone);
        var (start, end) = (range.Start, range.End);
        var rows = new Dictionary<(DateOnly Day, Guid? Store, Guid? Expert, Guid? Department, string Currency), SalesDailyRollup>();
        SalesDailyRollup Row(DateOnly day, Guid? store, Guid? expert, Guid? department, string currency)
        {
            var key = (day, store, expert, department, currency);
            if (!rows.TryGetValue(key, out var row))
            {
                rows[key] = row = new SalesDailyRollup { MerchantId = merchantId, Day = day, StoreId = store, StaffMemberId = expert, DepartmentId = department, Currency = currency };
            }

            return row;
        }

        var orders = await db.Orders.AsNoTracking().Where(o => o.PlacedAt >= start && o.PlacedAt < end)
            .Select(o => new { o.PlacedAt, o.Currency, o.Subtotal, o.RefundedAmount, o.Status, o.AttributedStaffMemberId, o.AttributedStoreId, o.AttributedDepartmentId })
            .ToListAsync(cancellationToken);
        foreach (var o in orders)
        {
            var order = new Order { ExternalId = string.Empty, Currency = o.Currency, Subtotal = o.Subtotal, RefundedAmount = o.RefundedAmount, Status = o.Status };
            var attributed = o.AttributedStaffMemberId is not null;
            var row = Row(ReportRange.DayOf(o.PlacedAt, timeZone), attributed ? o.AttributedStoreId : null, o.AttributedStaffMemberId, attributed ? o.AttributedDepartmentId : null, o.Currency);
            row.Orders++;
            row.NetRevenueTenThousandths += SalesDailyRollup.Scaled(order.NetRevenue);
            row.RefundsTenThousandths += SalesDailyRollup.Scaled(Math.Min(o.RefundedAmount, o.Subtotal));
            row.CancelledOrders += o.Status == OrderStatus.Cancelled ? 1 : 0;
            if (attributed)
            {
                row.AttributedOrders++;
                row.AttributedNetRevenueTenThousandths += SalesDailyRollup.Scaled(order.NetRevenue);
            }
        }

        var chats = await db.Chats.AsNoTracking().Where(c => c.StartedAt >= start && c.StartedAt < end && c.ClaimedAt != null)
            .Select(c => new { c.Id, c.StartedAt, c.StoreId, c.ExpertId, c.DepartmentId }).ToListAsync(cancellationToken);
        if (chats.Count > 0)
        {
            var reach = end + LongestReach;
            var converted = (await db.Orders.AsNoTracking()
                .Where(o => o.PlacedAt >= start && o.PlacedAt < reach && o.AttributionChatId != null && o.AttributedStaffMemberId != null)
                .Select(o => o.AttributionChatId!.Value).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var chat in chats)
            {
                var row = Row(ReportRange.DayOf(chat.StartedAt, timeZone), chat.StoreId, chat.ExpertId, chat.DepartmentId, string.Empty);
                row.ClaimedChats++;
                row.ConvertedChats += converted.Contains(chat.Id) ? 1 : 0;
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SalesDailyRollups.Where(r => r.Day >= from && r.Day <= to).ExecuteDeleteAsync(cancellationToken);
        foreach (var chunk in rows.Values.Chunk(InsertChunk))
        {
            await MultiRowInsert.InsertAsync(db, chunk, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    internal static async Task<TimeZoneInfo> TimeZoneAsync(VirtualShoppingDbContext db, CancellationToken cancellationToken)
    {
        var zoneId = await db.AccountSettings.AsNoTracking().Select(a => a.TimeZoneId).FirstOrDefaultAsync(cancellationToken) ?? new AccountSettings().TimeZoneId;
        return TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
