using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Shoppers;

/// <summary>
/// A shopper's cart as their add and remove events leave it: how many of each product, at the last price the
/// site sent. Kept so every cart message can show the cart's subtotal; a purchase empties it.
/// </summary>
public sealed class ShopperCart : ITenantOwned, IConcurrencyStamped
{
    /// <summary>Products kept at most; adding another lets the longest-held one go.</summary>
    public const int MaxLines = 100;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public Guid ShopperId { get; set; }

    public List<CartLine> Lines { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>
    /// Applies an add or remove event: quantities rise (to at most 9999) or fall (a line at 0 goes); a price
    /// without a currency is in the merchant's <paramref name="defaultCurrency"/>. Says what changed and the
    /// subtotal after it.
    /// </summary>
    public CartChange Apply(CartAction action, IReadOnlyList<ShopperEventProduct> products, string defaultCurrency, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(products);

        // What the cart knew of each product before the change: a removal may send only the id.
        var known = Lines.ToDictionary(l => l.ProductId, l => (l.Name, l.Price), StringComparer.Ordinal);
        foreach (var product in products)
        {
            var line = Lines.Find(l => l.ProductId == product.Id);
            if (action == CartAction.Add)
            {
                Add(line, product, defaultCurrency);
            }
            else if (line is not null)
            {
                line.Quantity -= product.Quantity;
                if (line.Quantity <= 0)
                {
                    Lines.Remove(line);
                }
            }
        }

        UpdatedAt = now;
        var items = products.Select(p =>
        {
            var line = Lines.Find(l => l.ProductId == p.Id);
            var before = known.GetValueOrDefault(p.Id);
            return new CartChangeItem(CartChange.ShownName(p.Name ?? line?.Name ?? before.Name), p.Quantity, line?.Quantity ?? 0, p.Price ?? line?.Price ?? before.Price);
        }).ToList();
        var hint = products.Select(p => p.Currency).FirstOrDefault(c => c is not null) ?? defaultCurrency;
        var (subtotal, currency) = Subtotal(hint);
        return new CartChange(action, items, subtotal, currency);
    }

    /// <summary>The sum of price × quantity over the priced lines, in their one currency; 0 in <paramref name="emptyCurrency"/> when nothing is priced; null when currencies differ.</summary>
    public (decimal? Subtotal, string? Currency) Subtotal(string emptyCurrency)
    {
        var priced = Lines.Where(l => l.Price is not null).ToList();
        var currencies = priced.Select(l => l.Currency).Distinct().ToList();
        return currencies.Count switch
        {
            0 => (0m, emptyCurrency),
            1 => (priced.Sum(l => l.Price!.Value * l.Quantity), currencies[0]),
            _ => (null, null),
        };
    }

    /// <summary>After a purchase the cart starts again empty.</summary>
    public void Clear(DateTimeOffset now)
    {
        Lines.Clear();
        UpdatedAt = now;
    }

    private void Add(CartLine? line, ShopperEventProduct product, string defaultCurrency)
    {
        if (line is null)
        {
            if (Lines.Count >= MaxLines)
            {
                Lines.RemoveAt(0);
            }

            line = new CartLine { ProductId = product.Id };
            Lines.Add(line);
        }

        line.Quantity = Math.Min(ShopperEventProduct.MaxQuantity, line.Quantity + product.Quantity);
        line.Name = product.Name ?? line.Name;
        if (product.Price is not null)
        {
            line.Price = product.Price;
            line.Currency = product.Currency ?? defaultCurrency;
        }
    }
}
