namespace VirtualShopping.Domain.Orders;

/// <summary>
/// The attribution rule: an order is credited to the expert and store of the shopper's last touch (a chat the
/// expert took part in, or a click on a product link the expert shared) within the window before the order.
/// </summary>
public static class AttributionRule
{
    public const int MinWindowDays = 1;
    public const int MaxWindowDays = 90;
    public const int DefaultWindowDays = 30;

    /// <summary>The name recorded on each attributed order, so a later change of rule is visible.</summary>
    public const string Name = "last-touch";

    /// <summary>
    /// The touch that credits an order placed at <paramref name="placedAt"/>: the latest touch at or before the order
    /// and no more than <paramref name="windowDays"/> days before it (a touch exactly at the window's start counts).
    /// On equal times the stronger match wins (share token, then session, browser, email), then a chat over a click, then
    /// the lower touch and expert id, so a full tie is decided the same way whatever order the touches come in; null when
    /// none is inside.
    /// </summary>
    public static AttributionTouch? Decide(DateTimeOffset placedAt, IEnumerable<AttributionTouch> touches, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(touches);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, MinWindowDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(windowDays, MaxWindowDays);
        var start = placedAt - TimeSpan.FromDays(windowDays);
        return touches
            .Where(t => t.At <= placedAt && t.At >= start)
            .OrderByDescending(t => t.At)
            .ThenBy(t => t.Match)
            .ThenBy(t => t.Kind)
            .ThenBy(t => t.TouchId)
            .ThenBy(t => t.StaffMemberId)
            .FirstOrDefault();
    }

    /// <summary>The rule in plain words, as the reports page states it.</summary>
    public static string PlainWords(int windowDays) =>
        $"An order is credited to the expert and store the shopper last chatted with, or whose shared product link the shopper " +
        $"last opened, within {windowDays} {(windowDays == 1 ? "day" : "days")} before the order. The latest touch wins. " +
        "Revenue is the order's subtotal (before tax and shipping) less refunds; a cancelled order counts for nothing. " +
        "Orders with no touch in the window count as unattributed.";

    /// <summary>How an order was matched to the shopper, in words for the reports.</summary>
    public static string Describe(AttributionMatch match) => match switch
    {
        AttributionMatch.ShareToken => "Share link on the order",
        AttributionMatch.Session => "Same chat session",
        AttributionMatch.Browser => "Same browser as the link click",
        AttributionMatch.Email => "Email given in the chat",
        _ => match.ToString(),
    };
}
