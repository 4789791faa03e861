using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Domain.Reports;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Notifications;

/// <summary>
/// A digest's figures over [start, end) within what the person may see, from the raw rows (a day or a week is
/// small): chats by their start and store, left messages by their arrival (those the person answers), attributed
/// orders by when they were placed and their attributed store. Revenue is net (less refunds, nothing once cancelled)
/// in the merchant's currency; orders in other currencies are counted, not summed.
/// </summary>
public sealed record DigestFigures(
    int Chats,
    int Claimed,
    int Missed,
    TimeSpan? MedianClaimTime,
    int Ratings,
    double? RatingAverage,
    double? Csat,
    int LeftMessages,
    int LeftMessagesAnswered,
    int Orders,
    decimal Revenue,
    int OtherCurrencyOrders)
{
    public double? MissedRate => Chats == 0 ? null : (double)Missed / Chats;

    public static async Task<DigestFigures> ComputeAsync(
        VirtualShoppingDbContext db, NotificationRecipient recipient, DateTimeOffset start, DateTimeOffset end, string currency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(recipient);
        var scope = recipient.Reports;
        var chats = (await db.Chats.AsNoTracking()
                .Where(c => c.StartedAt >= start && c.StartedAt < end)
                .Select(c => new { c.StoreId, c.Status, c.StartedAt, c.ClaimedAt, c.Rating })
                .ToListAsync(cancellationToken))
            .Where(c => scope.Sees(c.StoreId))
            .ToList();
        var claimSeconds = chats.Where(c => c.ClaimedAt is not null)
            .Select(c => Math.Round((c.ClaimedAt!.Value - c.StartedAt).TotalSeconds)).Order().ToList();
        var ratings = chats.Where(c => c.Rating is not null).Select(c => c.Rating!.Value).ToList();

        var messages = (await db.LeftMessages.AsNoTracking().Where(m => m.CreatedAt >= start && m.CreatedAt < end).ToListAsync(cancellationToken))
            .Where(recipient.AnswersLeftMessage).ToList();

        var orders = (await db.Orders.AsNoTracking()
                .Where(o => o.AttributedStaffMemberId != null && o.PlacedAt >= start && o.PlacedAt < end)
                .Select(o => new { o.AttributedStoreId, o.Currency, o.Subtotal, o.RefundedAmount, o.Status })
                .ToListAsync(cancellationToken))
            .Where(o => scope.Sees(o.AttributedStoreId))
            .ToList();
        var inCurrency = orders.Where(o => string.Equals(o.Currency, currency, StringComparison.OrdinalIgnoreCase)).ToList();
        var revenue = inCurrency.Sum(o => o.Status == OrderStatus.Cancelled ? 0m : Math.Max(0m, o.Subtotal - o.RefundedAmount));

        return new DigestFigures(
            chats.Count,
            chats.Count(c => c.ClaimedAt is not null),
            chats.Count(c => c.Status == ChatStatus.Missed),
            Quantiles.Of(claimSeconds, 50) is { } median ? TimeSpan.FromSeconds(median) : null,
            ratings.Count,
            ratings.Count == 0 ? null : ratings.Average(),
            ratings.Count == 0 ? null : (double)ratings.Count(r => r >= 4) / ratings.Count,
            messages.Count,
            messages.Count(m => m.AnsweredAt is not null),
            orders.Count,
            revenue,
            orders.Count - inCurrency.Count);
    }
}
