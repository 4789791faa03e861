using VirtualShopping.Domain.Shoppers;

namespace VirtualShopping.Tests.Domain.Shoppers;

/// <summary><see cref="ShopperEvent.Read"/>: what a track() call must hold, each problem named by its field path.</summary>
public sealed class TrackedEventRulesTests
{
    private static readonly Guid Shopper = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 11, 0, 0, TimeSpan.Zero);

    private static readonly TrackedProduct Shirt = new()
    {
        Id = "SKU-1",
        Name = "Linen shirt",
        Price = 44.5m,
        Currency = "EUR",
        Quantity = 2,
        Brand = "Nord",
        Category = "Shirts",
        Variant = "Blue / M",
        Url = "https://shop.example/p/linen-shirt",
        Image = "https://cdn.shop.example/linen-shirt.jpg",
    };

    private static TrackingOutcome Read(TrackedEvent input) => ShopperEvent.Read(input, Shopper, Now);

    private static TrackingOutcome ReadProduct(TrackedProduct product, string type = "add") => Read(new TrackedEvent { Type = type, Products = [product] });

    [Theory]
    [InlineData("detail", ShopperEventType.Detail)]
    [InlineData("add", ShopperEventType.Add)]
    [InlineData("remove", ShopperEventType.Remove)]
    [InlineData("ADD", ShopperEventType.Add)]
    public void A_product_event_with_a_full_product_is_kept_as_sent(string type, ShopperEventType expected)
    {
        var outcome = Read(new TrackedEvent { Type = type, Products = [Shirt], PageUrl = "https://shop.example/p/linen-shirt?colour=blue" });

        Assert.True(outcome.IsValid, string.Join("; ", outcome.Errors.Select(e => $"{e.Key}: {e.Value[0]}")));
        var stored = outcome.Event!;
        Assert.Equal((expected, Shopper, Now, "https://shop.example/p/linen-shirt?colour=blue"), (stored.Type, stored.ShopperId, stored.OccurredAt, stored.PageUrl));
        var product = Assert.Single(stored.Products);
        Assert.Equal(("SKU-1", "Linen shirt", 44.5m, "EUR", 2), (product.Id, product.Name, product.Price, product.Currency, product.Quantity));
        Assert.Equal(("Nord", "Shirts", "Blue / M"), (product.Brand, product.Category, product.Variant));
        Assert.Equal(("https://shop.example/p/linen-shirt", "https://cdn.shop.example/linen-shirt.jpg"), (product.Url, product.Image));
        Assert.Null(stored.PurchaseId);
    }

    [Fact]
    public void Only_the_id_is_required_and_the_quantity_defaults_to_one()
    {
        var outcome = ReadProduct(new TrackedProduct { Id = "  SKU-2 " });

        var product = Assert.Single(outcome.Event!.Products);
        Assert.Equal(("SKU-2", 1), (product.Id, product.Quantity));
        Assert.Null(product.Name);
        Assert.Null(product.Price);
        Assert.Null(product.Currency);
    }

    [Fact]
    public void Texts_lose_control_and_invisible_characters_and_a_currency_is_read_in_capitals()
    {
        var product = Assert.Single(ReadProduct(new TrackedProduct { Id = "A\u0000-1", Name = " Linen\n\u202Eshirt ", Currency = "eur", Brand = "  " }).Event!.Products);

        Assert.Equal(("A-1", "Linen shirt", "EUR"), (product.Id, product.Name, product.Currency));
        Assert.Null(product.Brand);
    }

    [Fact]
    public void An_unknown_or_missing_type_is_refused()
    {
        Assert.Equal(["Use one of: detail, add, remove, purchase."], Read(new TrackedEvent { Type = "checkout", Products = [Shirt] }).Errors["type"]);
        Assert.Contains("type", Read(new TrackedEvent { Products = [Shirt] }).Errors.Keys);
        Assert.Contains("body", ShopperEvent.Read(null, Shopper, Now).Errors.Keys);
    }

    [Theory]
    [InlineData("detail")]
    [InlineData("add")]
    [InlineData("remove")]
    public void Product_events_need_between_one_and_fifty_products(string type)
    {
        Assert.Contains("products", Read(new TrackedEvent { Type = type }).Errors.Keys);
        Assert.Contains("products", Read(new TrackedEvent { Type = type, Products = [] }).Errors.Keys);
        Assert.True(Read(new TrackedEvent { Type = type, Products = Enumerable.Repeat(Shirt, 50).ToList() }).IsValid);
        Assert.Equal(["Send at most 50 products in one event; this one has 51."], Read(new TrackedEvent { Type = type, Products = Enumerable.Repeat(Shirt, 51).ToList() }).Errors["products"]);
    }

    [Fact]
    public void Each_problem_names_the_product_and_field()
    {
        var outcome = Read(new TrackedEvent
        {
            Type = "add",
            Products =
            [
                Shirt,
                new TrackedProduct { Name = "No id", Price = -1m },
                null,
                Shirt with { Currency = "EURO", Quantity = 0, Url = "javascript:alert(1)", Image = "/relative.jpg" },
            ],
        });

        Assert.False(outcome.IsValid);
        Assert.Equal(
            ["products[1].id", "products[1].price", "products[2]", "products[3].currency", "products[3].image", "products[3].quantity", "products[3].url"],
            outcome.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(12.5, true)]
    [InlineData(0.0001, true)]
    [InlineData(999999999.9999, true)]
    [InlineData(-0.01, false)]
    [InlineData(0.00001, false)]
    [InlineData(1000000000, false)]
    public void A_price_is_zero_or_more_with_at_most_four_decimals(double price, bool valid)
    {
        var outcome = ReadProduct(Shirt with { Price = (decimal)price });

        Assert.Equal(valid, outcome.IsValid);
        Assert.Equal(!valid, outcome.Errors.ContainsKey("products[0].price"));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(9999, true)]
    [InlineData(0, false)]
    [InlineData(-3, false)]
    [InlineData(10000, false)]
    public void A_quantity_is_a_whole_number_from_1_to_9999(int quantity, bool valid) =>
        Assert.Equal(valid, ReadProduct(Shirt with { Quantity = quantity }).IsValid);

    [Theory]
    [InlineData("EUR", true)]
    [InlineData("GBP", true)]
    [InlineData("usd", true)]
    [InlineData("XYZ", false)]
    [InlineData("EU", false)]
    [InlineData("€", false)]
    public void A_currency_is_an_ISO_4217_code(string currency, bool valid) =>
        Assert.Equal(valid, ReadProduct(Shirt with { Currency = currency }).IsValid);

    [Fact]
    public void Texts_have_their_limits()
    {
        Assert.True(ReadProduct(Shirt with { Id = new string('i', 100), Name = new string('n', 300) }).IsValid);
        Assert.Contains("products[0].id", ReadProduct(Shirt with { Id = new string('i', 101) }).Errors.Keys);
        Assert.Contains("products[0].name", ReadProduct(Shirt with { Name = new string('n', 301) }).Errors.Keys);
        Assert.Contains("products[0].brand", ReadProduct(Shirt with { Brand = new string('b', 201) }).Errors.Keys);
        Assert.Contains("products[0].category", ReadProduct(Shirt with { Category = new string('c', 201) }).Errors.Keys);
        Assert.Contains("products[0].variant", ReadProduct(Shirt with { Variant = new string('v', 201) }).Errors.Keys);
    }

    [Theory]
    [InlineData("https://shop.example/p/1", true)]
    [InlineData("http://localhost:5000/demo/shop/p/1", true)]
    [InlineData("ftp://shop.example/p/1", false)]
    [InlineData("shop.example/p/1", false)]
    [InlineData("https://user:pw@shop.example/p/1", false)]
    [InlineData("https://shop.example/p 1", false)]
    public void Product_and_page_addresses_are_absolute_http_or_https(string url, bool valid)
    {
        Assert.Equal(valid, ReadProduct(Shirt with { Url = url }).IsValid);
        Assert.Equal(valid, ReadProduct(Shirt with { Image = url }).IsValid);
        Assert.Equal(valid, Read(new TrackedEvent { Type = "detail", Products = [Shirt], PageUrl = url }).IsValid);
    }

    [Fact]
    public void Addresses_stop_at_2048_characters()
    {
        var longest = "https://shop.example/" + new string('p', 2048 - "https://shop.example/".Length);

        Assert.True(ReadProduct(Shirt with { Url = longest }).IsValid);
        Assert.Contains("products[0].url", ReadProduct(Shirt with { Url = longest + "p" }).Errors.Keys);
        Assert.Contains("pageUrl", Read(new TrackedEvent { Type = "detail", Products = [Shirt], PageUrl = longest + "p" }).Errors.Keys);
    }

    [Fact]
    public void A_purchase_keeps_its_order_amounts_and_products_are_optional()
    {
        var outcome = Read(new TrackedEvent
        {
            Type = "purchase",
            Purchase = new TrackedPurchase { Id = "ORDER-1001", Currency = "eur", Subtotal = 89m, Total = 103.9m, Tax = 14.9m, Shipping = 0m },
        });

        var stored = outcome.Event!;
        Assert.Equal(ShopperEventType.Purchase, stored.Type);
        Assert.Empty(stored.Products);
        Assert.Equal(("ORDER-1001", "EUR", 89m, 103.9m, 14.9m, 0m), (stored.PurchaseId, stored.PurchaseCurrency, stored.PurchaseSubtotal, stored.PurchaseTotal, stored.PurchaseTax, stored.PurchaseShipping));
    }

    [Fact]
    public void A_purchase_needs_its_id_currency_and_subtotal()
    {
        Assert.Contains("purchase", Read(new TrackedEvent { Type = "purchase" }).Errors.Keys);
        var outcome = Read(new TrackedEvent { Type = "purchase", Purchase = new TrackedPurchase { Total = 10m } });

        Assert.Equal(["purchase.currency", "purchase.id", "purchase.subtotal"], outcome.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Purchase_amounts_are_checked_like_prices()
    {
        var outcome = Read(new TrackedEvent
        {
            Type = "purchase",
            Purchase = new TrackedPurchase { Id = "O-1", Currency = "ABC", Subtotal = -1m, Total = 1.00001m, Tax = -2m, Shipping = -3m },
            Products = [Shirt with { Price = -5m }],
        });

        Assert.Equal(
            ["products[0].price", "purchase.currency", "purchase.shipping", "purchase.subtotal", "purchase.tax", "purchase.total"],
            outcome.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_purchase_sent_with_another_type_is_not_kept()
    {
        var outcome = Read(new TrackedEvent { Type = "add", Products = [Shirt], Purchase = new TrackedPurchase { Id = "O-1", Currency = "EUR", Subtotal = 1m } });

        Assert.True(outcome.IsValid);
        Assert.Null(outcome.Event!.PurchaseId);
        Assert.Null(outcome.Event.PurchaseSubtotal);
    }
}
