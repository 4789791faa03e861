using System.Globalization;
using VirtualShopping.Domain.Orders;

namespace VirtualShopping.Web.Features.Reports;

/// <summary>The sales report's tables and order list as CSV (<see cref="CsvFile"/>), one file per table.</summary>
public static class SalesCsv
{
    /// <summary>The tables one can download: the series and each breakdown, and the order list.</summary>
    public static readonly IReadOnlyList<string> Tables = ["periods", "experts", "stores", "teams", "departments", "orders"];

    private static readonly string[] FigureHeader =
        ["attributed_orders", "attributed_revenue", "currency", "average_order_value", "claimed_chats", "converted_chats", "conversion", "revenue_per_chat", "refunds", "orders_other_currencies"];

    public static byte[] Table(SalesReport report, string table)
    {
        ArgumentNullException.ThrowIfNull(report);
        return table switch
        {
            "periods" => CsvFile.Build(["period_start", .. FigureHeader, "unattributed_orders", "unattributed_revenue"],
                report.Periods.Select(p => (IReadOnlyList<object?>)[p.Start, .. Figures(p.Figures, report.Currency), p.Figures.UnattributedOrders, Money(p.Figures.UnattributedRevenue)])),
            "experts" or "stores" or "teams" or "departments" => CsvFile.Build([Singular(table) + "_id", Singular(table), .. FigureHeader], Rows(report, table)
                .Select(r => (IReadOnlyList<object?>)[r.Id.ToString("D"), r.Name, .. Figures(r.Figures, report.Currency)])),
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Not a sales table."),
        };
    }

    public static byte[] Orders(IEnumerable<SalesOrderLine> lines, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return CsvFile.Build(
            ["order_id", "placed_local", "source", "subtotal", "net_revenue", "currency", "status", "expert", "store", "matched_by", "touch_local", "window_days", "rule", "chat_id"],
            lines.Select(l => (IReadOnlyList<object?>)[
                l.ExternalId, Local(l.PlacedAt, timeZone), l.Source.ToString(), Money(l.Subtotal), Money(l.NetRevenue), l.Currency, l.Status.ToString(), l.Expert, l.Store, l.MatchedBy,
                l.TouchAt is { } touch ? Local(touch, timeZone) : null, l.WindowDays, l.WindowDays is null ? null : AttributionRule.Name, l.ChatId?.ToString("D")]));
    }

    private static DateTimeOffset Local(DateTimeOffset instant, TimeZoneInfo timeZone) => TimeZoneInfo.ConvertTime(instant, timeZone);

    private static IReadOnlyList<SalesRow> Rows(SalesReport report, string table) => table switch
    {
        "experts" => report.Experts,
        "stores" => report.Stores,
        "teams" => report.Teams,
        _ => report.Departments,
    };

    private static string Singular(string table) => table switch
    {
        "experts" => "expert",
        "stores" => "store",
        "teams" => "team",
        _ => "department",
    };

    private static object?[] Figures(SalesFigures f, string currency) =>
        [f.AttributedOrders, Money(f.AttributedRevenue), currency, Money(f.AverageOrderValue), f.ClaimedChats, f.ConvertedChats,
            f.Conversion is { } c ? decimal.Round(c, 4) : null, Money(f.RevenuePerChat), Money(f.Refunds), f.OtherCurrencyOrders];

    /// <summary>Money with two decimals, or up to four when it has them.</summary>
    private static string? Money(decimal? value) => value?.ToString("0.00##", CultureInfo.InvariantCulture);
}
