using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Orders;

/// <summary>
/// Credits an order (<see cref="AttributionRule"/>): gathers the shopper's touches in the merchant's window before the
/// order, matched by the order's share token, widget session, browser id or email, and records the winner on the
/// order (or none). The caller saves. Runs on the order's merchant only. Many orders at once (a backfill, the demo
/// history) load their touches in a few queries (<see cref="AttributeAllAsync"/>) and are decided exactly as one is.
/// </summary>
public sealed class OrderAttributor(TimeProvider clock)
{
    public Task AttributeAsync(VirtualShoppingDbContext db, Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        return AttributeAllAsync(db, [order], cancellationToken);
    }

    /// <summary>Credits each order with its merchant's window; the touches of all of them are loaded together.</summary>
    public async Task AttributeAllAsync(VirtualShoppingDbContext db, IReadOnlyCollection<Order> orders, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(orders);
        foreach (var merchantOrders in orders.GroupBy(o => o.MerchantId))
        {
            var window = await WindowDaysAsync(db, merchantOrders.Key, cancellationToken);
            var touches = await AttributionTouches.LoadAsync(db, merchantOrders.Key, merchantOrders.ToList(), window, cancellationToken);
            var now = clock.GetUtcNow();
            foreach (var order in merchantOrders)
            {
                order.Attribute(AttributionRule.Decide(order.PlacedAt, touches.For(order, window), window), window, now);
            }
        }
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
        ArgumentNullException.ThrowIfNull(order);
        var touches = await AttributionTouches.LoadAsync(db, order.MerchantId, [order], windowDays, cancellationToken);
        return touches.For(order, windowDays);
    }
}
