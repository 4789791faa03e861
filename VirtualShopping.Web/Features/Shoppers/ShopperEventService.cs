using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Domain.Shoppers;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Orders;

namespace VirtualShopping.Web.Features.Shoppers;

/// <summary>
/// Keeps what the merchant's site reports through track(): every accepted event against the shopper (with their
/// open chat, if any), the shopper's cart after add and remove (a purchase empties it), and, while the shopper
/// has a waiting or active chat, a cart message in it for the expert; a purchase also becomes an order. Nothing is stored for a refused event.
/// </summary>
public sealed class ShopperEventService(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    IChatNotifier notifier,
    OrderIntake orders,
    TimeProvider clock)
{
    private const int Attempts = 8;

    public async Task<TrackingOutcome> RecordAsync(Guid shopperId, TrackedEvent? input, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var outcome = ShopperEvent.Read(input, shopperId, now);
        if (outcome.Event is not { } tracked)
        {
            return outcome;
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var chat = await db.Chats.AsNoTracking()
                .Where(c => c.ShopperId == shopperId && (c.Status == ChatStatus.Waiting || c.Status == ChatStatus.Active))
                .OrderByDescending(c => c.StartedAt)
                .FirstOrDefaultAsync(cancellationToken);
            tracked.ChatId = chat?.Id;
            var change = await UpdateCartAsync(db, tracked, now, cancellationToken);
            db.ShopperEvents.Add(tracked);
            try
            {
                // The event and the cart it changed are saved together; a cart changed meanwhile is read again.
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (attempt < Attempts && !DatabaseUnavailability.Explains(e))
            {
                continue;
            }

            if (tracked.Type == ShopperEventType.Purchase)
            {
                // The purchase becomes an order of this shopper, stored once per purchase id and attributed.
                await orders.ReceiveAsync(OrderIntake.PurchaseOf(tracked), OrderSource.Widget, cancellationToken);
            }

            if (change is not null && chat is not null)
            {
                var view = CartView.Of(change);
                var message = await ChatLog.AppendAsync(db, chat, MessageSender.Shopper, null, null, change.Summary(), null, now, cancellationToken, MessageKind.Cart, view.ToData());
                await notifier.MessagePostedAsync(chat.ShopperId, chat.ExpertId, MessageView.Of(message));
            }

            return outcome;
        }
    }

    /// <summary>Applies an add or remove to the shopper's cart (made on the first add), or empties it after a purchase.</summary>
    private static async Task<CartChange?> UpdateCartAsync(VirtualShoppingDbContext db, ShopperEvent tracked, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (tracked.Type == ShopperEventType.Detail)
        {
            return null;
        }

        var cart = await db.ShopperCarts.SingleOrDefaultAsync(c => c.ShopperId == tracked.ShopperId, cancellationToken);
        if (tracked.Type == ShopperEventType.Purchase)
        {
            cart?.Clear(now);
            return null;
        }

        if (cart is null)
        {
            cart = new ShopperCart { ShopperId = tracked.ShopperId };
            db.ShopperCarts.Add(cart);
        }

        var currency = await db.AccountSettings.AsNoTracking().Select(a => a.Currency).FirstOrDefaultAsync(cancellationToken) ?? new AccountSettings().Currency;
        return cart.Apply(tracked.Type == ShopperEventType.Add ? CartAction.Add : CartAction.Remove, tracked.Products, currency, now);
    }
}
