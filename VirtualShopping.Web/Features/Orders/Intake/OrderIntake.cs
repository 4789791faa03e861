using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Orders;

/// <summary>
/// Takes orders, refunds and cancellations in (widget, order API, Shopify) for the current merchant: checked by
/// <see cref="OrderRules"/> (nothing stored when refused), stored once per order id, refund id and cancellation
/// (a repeated delivery returns what is stored and changes nothing, even when two race: the unique indexes decide),
/// and attributed (<see cref="OrderAttributor"/>) when first stored.
/// </summary>
public sealed class OrderIntake(IDbContextFactory<VirtualShoppingDbContext> contexts, OrderAttributor attributor, TimeProvider clock)
{
    /// <summary>The id a cancellation is stored under (one per order).</summary>
    public const string CancellationId = "cancel";

    public async Task<OrderIntakeResult> ReceiveAsync(OrderSubmission? input, OrderSource source, CancellationToken cancellationToken = default)
    {
        var reading = OrderRules.Read(input, source, clock.GetUtcNow());
        if (reading.Order is not { } order)
        {
            return OrderIntakeResult.Invalid(reading.Errors);
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await FindAsync(db, order.ExternalId, cancellationToken) is { } existing)
            {
                return OrderIntakeResult.AlreadyStored(existing);
            }

            // The attributor looks in the order's merchant, which a new row only gets on saving.
            order.MerchantId = db.CurrentMerchantId;
            await attributor.AttributeAsync(db, order, cancellationToken);
            db.Orders.Add(order);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return OrderIntakeResult.Stored(order);
            }
            catch (DbUpdateException e) when (UniqueConstraint.IsViolatedBy(e))
            {
                // Another delivery of the same order was stored first: answer with that one.
            }
        }

        await using var again = await contexts.CreateDbContextAsync(cancellationToken);
        return OrderIntakeResult.AlreadyStored(await FindAsync(again, order.ExternalId, cancellationToken)
            ?? throw new InvalidOperationException("An order that lost a unique-index race could not be read back."));
    }

    /// <summary>A widget purchase (track type purchase) as an order of the session's shopper, placed now.</summary>
    public static OrderSubmission PurchaseOf(Domain.Shoppers.ShopperEvent purchase)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        return new OrderSubmission
        {
            Id = purchase.PurchaseId,
            Currency = purchase.PurchaseCurrency,
            Subtotal = purchase.PurchaseSubtotal,
            Total = purchase.PurchaseTotal,
            Tax = purchase.PurchaseTax,
            Shipping = purchase.PurchaseShipping,
            ShopperId = purchase.ShopperId,
        };
    }

    public async Task<Order?> FindAsync(string orderId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db, orderId, cancellationToken);
    }

    /// <summary>
    /// Takes a refund off an order. The API refuses a refund larger than what is left of the subtotal
    /// (<paramref name="capAtWhatIsLeft"/> false); Shopify's refunds include tax and shipping, so theirs are capped at it.
    /// </summary>
    public async Task<OrderIntakeResult> RefundAsync(string orderId, RefundSubmission? input, OrderSource source, bool capAtWhatIsLeft, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var reading = OrderRules.ReadRefund(input, now);
        if (!reading.IsValid)
        {
            return OrderIntakeResult.Invalid(reading.Errors);
        }

        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await FindAsync(db, orderId, cancellationToken) is not { } order)
            {
                return OrderIntakeResult.UnknownOrder;
            }

            if (await HasAdjustmentAsync(db, order.Id, OrderAdjustmentKind.Refund, reading.Id!, cancellationToken))
            {
                return OrderIntakeResult.AlreadyStored(order);
            }

            var amount = capAtWhatIsLeft ? Math.Min(reading.Amount, OrderRules.RefundableLeft(order)) : reading.Amount;
            if (!capAtWhatIsLeft && OrderRules.RefundProblem(order, amount) is { } problem)
            {
                return OrderIntakeResult.Invalid(new Dictionary<string, string[]> { ["amount"] = [problem] });
            }

            var adjustment = new OrderAdjustment { OrderId = order.Id, Kind = OrderAdjustmentKind.Refund, ExternalId = reading.Id!, Amount = amount, OccurredAt = reading.At, ReceivedAt = now, Source = source };
            switch (await AdjustAsync(db, adjustment, !capAtWhatIsLeft, cancellationToken))
            {
                case AdjustmentSave.Saved:
                    return OrderIntakeResult.Stored((await FindAsync(orderId, cancellationToken))!);
                case AdjustmentSave.Duplicate:
                    return OrderIntakeResult.AlreadyStored((await FindAsync(orderId, cancellationToken))!);
                default:
                    // A refund stored meanwhile left less than this one: read the order again and say so.
                    continue;
            }
        }
    }

    /// <summary>Cancels an order: its revenue becomes 0. A second cancellation changes nothing.</summary>
    public async Task<OrderIntakeResult> CancelAsync(string orderId, CancellationSubmission? input, OrderSource source, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var (at, errors) = OrderRules.ReadCancellation(input, now);
        if (errors.Count > 0)
        {
            return OrderIntakeResult.Invalid(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await FindAsync(db, orderId, cancellationToken) is not { } order)
        {
            return OrderIntakeResult.UnknownOrder;
        }

        if (order.Status == OrderStatus.Cancelled || await HasAdjustmentAsync(db, order.Id, OrderAdjustmentKind.Cancellation, CancellationId, cancellationToken))
        {
            return OrderIntakeResult.AlreadyStored(order);
        }

        var adjustment = new OrderAdjustment { OrderId = order.Id, Kind = OrderAdjustmentKind.Cancellation, ExternalId = CancellationId, OccurredAt = at, ReceivedAt = now, Source = source };
        return await AdjustAsync(db, adjustment, false, cancellationToken) == AdjustmentSave.Saved
            ? OrderIntakeResult.Stored((await FindAsync(orderId, cancellationToken))!)
            : OrderIntakeResult.AlreadyStored((await FindAsync(orderId, cancellationToken))!);
    }

    private static Task<Order?> FindAsync(VirtualShoppingDbContext db, string orderId, CancellationToken cancellationToken)
    {
        var id = orderId.Trim();
        return db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.ExternalId == id, cancellationToken);
    }

    private static Task<bool> HasAdjustmentAsync(VirtualShoppingDbContext db, Guid orderId, OrderAdjustmentKind kind, string externalId, CancellationToken cancellationToken) =>
        db.OrderAdjustments.AnyAsync(a => a.OrderId == orderId && a.Kind == kind && a.ExternalId == externalId, cancellationToken);

    /// <summary>
    /// Stores the adjustment, then, in the same transaction, the order's refund total summed from its stored refunds
    /// (so two refunds at once both count) and its status. A refund that, with those stored meanwhile, takes off more
    /// than the subtotal is rolled back (<see cref="AdjustmentSave.TooMuch"/>) unless it was capped.
    /// </summary>
    private static async Task<AdjustmentSave> AdjustAsync(VirtualShoppingDbContext db, OrderAdjustment adjustment, bool refuseAboveSubtotal, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.OrderAdjustments.Add(adjustment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueConstraint.IsViolatedBy(e))
        {
            return AdjustmentSave.Duplicate;
        }

        var order = await db.Orders.SingleAsync(o => o.Id == adjustment.OrderId, cancellationToken);
        var refunds = await db.OrderAdjustments.Where(a => a.OrderId == order.Id && a.Kind == OrderAdjustmentKind.Refund).Select(a => a.Amount).ToListAsync(cancellationToken);
        var refunded = refunds.Sum();
        if (refuseAboveSubtotal && refunded > order.Subtotal)
        {
            return AdjustmentSave.TooMuch;
        }

        order.RefundedAmount = 0m;
        order.Refund(refunded);
        if (adjustment.Kind == OrderAdjustmentKind.Cancellation)
        {
            order.Cancel(adjustment.OccurredAt);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AdjustmentSave.Saved;
    }

    private enum AdjustmentSave
    {
        Saved,
        Duplicate,
        TooMuch,
    }
}
