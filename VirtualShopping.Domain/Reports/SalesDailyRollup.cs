using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Reports;

/// <summary>
/// The sales report's pre-aggregate: one row per merchant, local day (merchant time zone), store, expert, department
/// and currency. Orders count on the local day they were placed, under their attributed store, expert and department
/// (all null for an unattributed order), in their own currency; claimed chats count on the local day they started,
/// under the chat's store, holding expert and department, with an empty <see cref="Currency"/>. A chat is converted
/// when at least one order is attributed to it (Order.AttributionChatId), whenever that order was placed.
/// Rebuilt per day from the raw rows, so a row is never edited in place.
/// </summary>
public sealed class SalesDailyRollup : ITenantOwned
{
    public const int MaxCurrencyLength = 3;

    /// <summary>Amounts are kept as whole ten-thousandths of the currency unit (orders carry at most four decimals), so the database sums them exactly and fast.</summary>
    public const decimal AmountScale = 10_000m;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public DateOnly Day { get; set; }

    public Guid? StoreId { get; set; }

    public Guid? StaffMemberId { get; set; }

    public Guid? DepartmentId { get; set; }

    /// <summary>ISO 4217 of the orders counted here; empty on rows that only count chats.</summary>
    public string Currency { get; set; } = string.Empty;

    /// <summary>Orders placed that day (attributed or not, cancelled included).</summary>
    public int Orders { get; set; }

    /// <summary>Of <see cref="Orders"/>, those credited to an expert.</summary>
    public int AttributedOrders { get; set; }

    /// <summary>Sum of Order.NetRevenue (subtotal less refunds, 0 once cancelled) of <see cref="Orders"/>, in ten-thousandths.</summary>
    public long NetRevenueTenThousandths { get; set; }

    /// <summary>Sum of Order.NetRevenue of <see cref="AttributedOrders"/>, in ten-thousandths.</summary>
    public long AttributedNetRevenueTenThousandths { get; set; }

    /// <summary>What refunds took off those orders' revenue (never more than their subtotals), in ten-thousandths.</summary>
    public long RefundsTenThousandths { get; set; }

    /// <summary>Of <see cref="Orders"/>, those cancelled.</summary>
    public int CancelledOrders { get; set; }

    /// <summary>Chats started that day that an expert claimed.</summary>
    public int ClaimedChats { get; set; }

    /// <summary>Of <see cref="ClaimedChats"/>, those with at least one attributed order.</summary>
    public int ConvertedChats { get; set; }

    /// <summary>An amount as stored here.</summary>
    public static long Scaled(decimal amount) => (long)decimal.Round(amount * AmountScale);

    /// <summary>A stored amount back in currency units.</summary>
    public static decimal Unscaled(long tenThousandths) => tenThousandths / AmountScale;
}
