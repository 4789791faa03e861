namespace VirtualShopping.Web.Features.Reports;

/// <summary>
/// Sales figures of one slice of a report (the whole range, a period, an expert, a store, a team or a department).
/// Revenue is in the merchant's currency only; orders in other currencies are counted in <see cref="AttributedOrders"/>
/// and <see cref="OtherCurrencyOrders"/> but not summed.
/// </summary>
public sealed record SalesFigures(
    int AttributedOrders,
    int AttributedOrdersInCurrency,
    decimal AttributedRevenue,
    decimal Refunds,
    int ClaimedChats,
    int ConvertedChats,
    int UnattributedOrders,
    decimal UnattributedRevenue,
    int OtherCurrencyOrders)
{
    public static SalesFigures None { get; } = new(0, 0, 0m, 0m, 0, 0, 0, 0m, 0);

    /// <summary>Attributed revenue per attributed order in the merchant's currency; null without such orders.</summary>
    public decimal? AverageOrderValue => AttributedOrdersInCurrency == 0 ? null : decimal.Round(AttributedRevenue / AttributedOrdersInCurrency, 2);

    /// <summary>Claimed chats with at least one attributed order, over claimed chats (0–1); null without claimed chats.</summary>
    public decimal? Conversion => ClaimedChats == 0 ? null : (decimal)ConvertedChats / ClaimedChats;

    /// <summary>Attributed revenue over claimed chats; null without claimed chats.</summary>
    public decimal? RevenuePerChat => ClaimedChats == 0 ? null : decimal.Round(AttributedRevenue / ClaimedChats, 2);

    public int Orders => AttributedOrders + UnattributedOrders;

    public bool IsEmpty => Orders == 0 && ClaimedChats == 0;

    public SalesFigures Plus(SalesFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            AttributedOrders + other.AttributedOrders,
            AttributedOrdersInCurrency + other.AttributedOrdersInCurrency,
            AttributedRevenue + other.AttributedRevenue,
            Refunds + other.Refunds,
            ClaimedChats + other.ClaimedChats,
            ConvertedChats + other.ConvertedChats,
            UnattributedOrders + other.UnattributedOrders,
            UnattributedRevenue + other.UnattributedRevenue,
            OtherCurrencyOrders + other.OtherCurrencyOrders);
    }
}
