using System.Globalization;
using System.Text;

namespace VirtualShopping.Domain.Shoppers;

/// <summary>
/// A cart event as the expert sees it in the conversation: what was added or removed, and the cart's subtotal
/// after it (null with a null currency when the cart holds prices in more than one currency).
/// </summary>
public sealed record CartChange(CartAction Action, IReadOnlyList<CartChangeItem> Items, decimal? Subtotal, string? Currency)
{
    /// <summary>Names up to this length are shown; longer ones are not (41 characters or more).</summary>
    public const int MaxShownNameLength = 40;

    /// <summary>Products the summary names one by one; the rest are counted.</summary>
    public const int ItemsInSummary = 10;

    /// <summary>The name the expert may see: the product's name when it has at most 40 characters, else null.</summary>
    public static string? ShownName(string? name) => name is { Length: > 0 and <= MaxShownNameLength } ? name : null;

    /// <summary>
    /// One line that reads well alone, for transcripts and for clients that do not know cart messages, e.g.
    /// "Added to cart: Linen shirt × 2 · cart subtotal 89.00 EUR".
    /// </summary>
    public string Summary()
    {
        var text = new StringBuilder(Action == CartAction.Add ? "Added to cart: " : "Removed from cart: ");
        text.AppendJoin(", ", Items.Take(ItemsInSummary).Select(ItemText));
        if (Items.Count > ItemsInSummary)
        {
            text.Append(CultureInfo.InvariantCulture, $" and {Items.Count - ItemsInSummary} more");
        }

        text.Append(Subtotal is { } subtotal
            ? $" · cart subtotal {Money(subtotal)} {Currency}"
            : " · cart in several currencies");
        return text.ToString();
    }

    /// <summary>An amount as people read prices: two decimals, up to four when the price has them.</summary>
    public static string Money(decimal amount) => amount.ToString("0.00##", CultureInfo.InvariantCulture);

    private string ItemText(CartChangeItem item)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{item.Name ?? "a product"} × {item.Quantity}");
        var showInCart = Action == CartAction.Add ? item.InCart != item.Quantity : item.InCart > 0;
        return showInCart ? string.Create(CultureInfo.InvariantCulture, $"{text} ({item.InCart} in cart)") : text;
    }
}
