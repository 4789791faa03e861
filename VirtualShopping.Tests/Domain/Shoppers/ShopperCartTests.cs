using VirtualShopping.Domain.Shoppers;

namespace VirtualShopping.Tests.Domain.Shoppers;

/// <summary><see cref="ShopperCart"/>: quantities per product from add and remove events, the subtotal, and the summary the expert reads.</summary>
public sealed class ShopperCartTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 11, 0, 0, TimeSpan.Zero);

    private static ShopperEventProduct Product(string id, string? name = null, decimal? price = null, int quantity = 1, string? currency = "EUR") =>
        new() { Id = id, Name = name, Price = price, Quantity = quantity, Currency = price is null ? null : currency };

    [Fact]
    public void Adding_products_counts_them_and_sums_price_times_quantity()
    {
        var cart = new ShopperCart();

        cart.Apply(CartAction.Add, [Product("shirt", "Linen shirt", 44.5m, 2)], "GBP", Now);
        var change = cart.Apply(CartAction.Add, [Product("belt", "Belt", 19.99m)], "GBP", Now);

        Assert.Equal((108.99m, "EUR"), (change.Subtotal, change.Currency));
        Assert.Equal([("shirt", 2), ("belt", 1)], cart.Lines.Select(l => (l.ProductId, l.Quantity)));
        Assert.Equal("Added to cart: Belt × 1 · cart subtotal 108.99 EUR", change.Summary());
    }

    [Fact]
    public void Adding_a_product_already_in_the_cart_raises_its_quantity_at_the_latest_price()
    {
        var cart = new ShopperCart();
        cart.Apply(CartAction.Add, [Product("shirt", "Linen shirt", 40m)], "EUR", Now);

        var change = cart.Apply(CartAction.Add, [Product("shirt", "Linen shirt", 44.5m, 2)], "EUR", Now);

        var item = Assert.Single(change.Items);
        Assert.Equal(("Linen shirt", 2, 3, 44.5m), (item.Name, item.Quantity, item.InCart, item.Price));
        Assert.Equal(133.5m, change.Subtotal);
        Assert.Equal("Added to cart: Linen shirt × 2 (3 in cart) · cart subtotal 133.50 EUR", change.Summary());
    }

    [Fact]
    public void Removing_lowers_the_quantity_and_a_line_at_zero_goes()
    {
        var cart = new ShopperCart();
        cart.Apply(CartAction.Add, [Product("shirt", "Linen shirt", 44.5m, 3), Product("belt", "Belt", 20m)], "EUR", Now);

        var one = cart.Apply(CartAction.Remove, [Product("shirt")], "EUR", Now);
        Assert.Equal(("Linen shirt", 1, 2, 44.5m), (one.Items[0].Name, one.Items[0].Quantity, one.Items[0].InCart, one.Items[0].Price));
        Assert.Equal("Removed from cart: Linen shirt × 1 (2 in cart) · cart subtotal 109.00 EUR", one.Summary());

        var all = cart.Apply(CartAction.Remove, [Product("shirt", quantity: 5), Product("belt")], "EUR", Now);
        Assert.Empty(cart.Lines);
        Assert.Equal((0m, "EUR"), (all.Subtotal, all.Currency));
        Assert.Equal("Removed from cart: Linen shirt × 5, Belt × 1 · cart subtotal 0.00 EUR", all.Summary());
    }

    [Fact]
    public void Removing_a_product_not_in_the_cart_changes_nothing()
    {
        var cart = new ShopperCart();
        cart.Apply(CartAction.Add, [Product("belt", "Belt", 20m)], "EUR", Now);

        var change = cart.Apply(CartAction.Remove, [Product("hat", "Hat")], "EUR", Now);

        Assert.Equal((0, 20m), (change.Items[0].InCart, change.Subtotal));
        Assert.Equal(("belt", 1), (cart.Lines[0].ProductId, cart.Lines[0].Quantity));
    }

    [Fact]
    public void A_price_without_a_currency_is_in_the_merchants_currency()
    {
        var cart = new ShopperCart();

        var change = cart.Apply(CartAction.Add, [Product("scarf", "Scarf", 25m, currency: null)], "GBP", Now);

        Assert.Equal((25m, "GBP"), (change.Subtotal, change.Currency));
    }

    [Fact]
    public void Products_without_a_price_are_counted_but_not_summed()
    {
        var cart = new ShopperCart();
        cart.Apply(CartAction.Add, [Product("gift", "Gift wrap")], "EUR", Now);

        var change = cart.Apply(CartAction.Add, [Product("hat", "Hat", 30m, 2)], "EUR", Now);

        Assert.Equal(60m, change.Subtotal);
        Assert.Equal(2, cart.Lines.Count);
    }

    [Fact]
    public void A_cart_in_two_currencies_has_no_subtotal()
    {
        var cart = new ShopperCart();
        cart.Apply(CartAction.Add, [Product("hat", "Hat", 30m, currency: "EUR")], "EUR", Now);

        var change = cart.Apply(CartAction.Add, [Product("cap", "Cap", 25m, currency: "USD")], "EUR", Now);

        Assert.Equal((null, null), (change.Subtotal, change.Currency));
        Assert.Equal("Added to cart: Cap × 1 · cart in several currencies", change.Summary());
    }

    [Fact]
    public void Quantities_stop_at_9999()
    {
        var cart = new ShopperCart();
        cart.Apply(CartAction.Add, [Product("pin", "Pin", 0.1m, 9999)], "EUR", Now);

        var change = cart.Apply(CartAction.Add, [Product("pin", "Pin", 0.1m, 5)], "EUR", Now);

        Assert.Equal(9999, change.Items[0].InCart);
        Assert.Equal(999.9m, change.Subtotal);
    }

    [Fact]
    public void The_cart_keeps_at_most_100_products_letting_the_longest_held_go()
    {
        var cart = new ShopperCart();
        for (var i = 0; i < 101; i++)
        {
            cart.Apply(CartAction.Add, [Product($"p{i}", price: 1m)], "EUR", Now);
        }

        Assert.Equal(ShopperCart.MaxLines, cart.Lines.Count);
        Assert.Equal("p1", cart.Lines[0].ProductId);
    }

    [Fact]
    public void A_name_is_shown_up_to_40_characters_and_hidden_from_41()
    {
        var forty = new string('a', 40);
        var fortyOne = new string('b', 41);
        var cart = new ShopperCart();

        var change = cart.Apply(CartAction.Add, [Product("a", forty, 1m), Product("b", fortyOne, 2m)], "EUR", Now);

        Assert.Equal([forty, null], change.Items.Select(i => i.Name));
        Assert.Equal($"Added to cart: {forty} × 1, a product × 1 · cart subtotal 3.00 EUR", change.Summary());
    }

    [Fact]
    public void A_removal_without_a_name_uses_the_name_the_cart_knows()
    {
        var cart = new ShopperCart();
        cart.Apply(CartAction.Add, [Product("shirt", "Linen shirt", 44.5m, 2)], "EUR", Now);

        var change = cart.Apply(CartAction.Remove, [Product("shirt")], "EUR", Now);

        Assert.Equal("Linen shirt", change.Items[0].Name);
    }

    [Fact]
    public void A_long_event_is_summed_up_after_ten_products()
    {
        var cart = new ShopperCart();

        var change = cart.Apply(CartAction.Add, Enumerable.Range(1, 12).Select(i => Product($"p{i}", $"P{i}", 1m)).ToList(), "EUR", Now);

        Assert.Equal("Added to cart: P1 × 1, P2 × 1, P3 × 1, P4 × 1, P5 × 1, P6 × 1, P7 × 1, P8 × 1, P9 × 1, P10 × 1 and 2 more · cart subtotal 12.00 EUR", change.Summary());
    }

    [Fact]
    public void Prices_show_two_decimals_or_up_to_four_when_they_have_them()
    {
        Assert.Equal("89.00", CartChange.Money(89m));
        Assert.Equal("0.1235", CartChange.Money(0.1235m));
        Assert.Equal("1234567.50", CartChange.Money(1234567.5m));
    }

    [Fact]
    public void A_purchase_empties_the_cart()
    {
        var cart = new ShopperCart();
        cart.Apply(CartAction.Add, [Product("shirt", "Linen shirt", 44.5m, 2)], "EUR", Now);

        cart.Clear(Now.AddMinutes(5));

        Assert.Empty(cart.Lines);
        Assert.Equal(Now.AddMinutes(5), cart.UpdatedAt);
    }
}
