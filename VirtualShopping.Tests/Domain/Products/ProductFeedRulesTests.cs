using VirtualShopping.Domain.Products;

namespace VirtualShopping.Tests.Domain.Products;

/// <summary><see cref="ProductFeedRules"/>: what a feed row must hold to become a product, and the plain words when it does not.</summary>
public sealed class ProductFeedRulesTests
{
    private static RawFeedRow Row(params (string Name, string? Value)[] changes)
    {
        var fields = new Dictionary<string, string?>
        {
            ["id"] = "TV_123456",
            ["title"] = "LG 22LB4510 - 22\" LED TV",
            ["description"] = "Attractively styled.",
            ["link"] = "https://www.example.com/electronics/tv/22LB4510.html",
            ["image_link"] = "https://images.example.com/TV_123456.png",
            ["price"] = "159.00 USD",
            ["availability"] = "in_stock",
        };
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return new RawFeedRow(7, fields);
    }

    private static ProductFeedItem Valid(params (string Name, string? Value)[] changes)
    {
        var validation = ProductFeedRules.Validate(Row(changes), null);
        Assert.True(validation.IsValid, validation.Rejection?.Reason);
        return validation.Item;
    }

    private static FeedRejection Rejected(params (string Name, string? Value)[] changes)
    {
        var validation = ProductFeedRules.Validate(Row(changes), null);
        Assert.False(validation.IsValid);
        return validation.Rejection;
    }

    [Fact]
    public void A_complete_row_becomes_an_item_with_every_attribute()
    {
        var item = Valid(("sale_price", "129.00 USD"), ("brand", "LG"), ("gtin", "71919219405200"), ("mpn", "22LB4510/US"),
            ("condition", "Used"), ("product_type", "Electronics > TVs"), ("item_group_id", "TV_1"), ("color", "Black"), ("size", "22\""));

        Assert.Equal(
            new ProductFeedItem("TV_123456", "LG 22LB4510 - 22\" LED TV", "Attractively styled.",
                "https://www.example.com/electronics/tv/22LB4510.html", "https://images.example.com/TV_123456.png",
                new Money(159.00m, "USD"), new Money(129.00m, "USD"), ProductAvailability.InStock, "LG", "71919219405200",
                "22LB4510/US", "used", "Electronics > TVs", "TV_1", "Black", "22\""),
            item);
    }

    [Theory]
    [InlineData("id", null, "missing id")]
    [InlineData("id", "   ", "missing id")]
    [InlineData("title", "", "missing title")]
    [InlineData("link", null, "missing link")]
    [InlineData("link", "/tv/22LB4510.html", "bad link \"/tv/22LB4510.html\"")]
    [InlineData("link", "javascript:alert(1)", "bad link \"javascript:alert(1)\"")]
    [InlineData("link", "https://user:pw@evil.example/", "bad link \"https://user:pw@evil.example/\"")]
    [InlineData("price", null, "missing price")]
    [InlineData("price", "abc", "bad price \"abc\"")]
    [InlineData("price", "12.99 XYZ", "unknown currency XYZ")]
    [InlineData("price", "12.99", "no currency")]
    [InlineData("availability", null, "missing availability")]
    [InlineData("availability", "soon", "bad availability \"soon\"")]
    public void Rows_missing_what_a_product_needs_are_rejected_in_plain_words(string field, string? value, string reason) =>
        Assert.Equal(new FeedRejection(7, field == "id" ? null : "TV_123456", reason), Rejected((field, value)));

    [Theory]
    [InlineData("id", 51, "id over 50 characters")]
    [InlineData("title", 151, "title over 150 characters")]
    [InlineData("description", 5001, "description over 5000 characters")]
    [InlineData("brand", 71, "brand over 70 characters")]
    [InlineData("item_group_id", 51, "item_group_id over 50 characters")]
    public void Attributes_over_their_length_are_rejected_naming_the_limit(string field, int length, string reason) =>
        Assert.Equal(reason, Rejected((field, new string('x', length))).Reason);

    [Fact]
    public void A_title_of_exactly_150_characters_is_kept() =>
        Assert.Equal(150, Valid(("title", new string('t', 150))).Title.Length);

    [Fact]
    public void A_row_the_reader_marked_too_long_is_rejected_with_its_id() =>
        Assert.Equal(new FeedRejection(7, "TV_123456", "row too long"),
            ProductFeedRules.Validate(Row((RawFeedRow.TooLongMarker, null)), null).Rejection);

    [Fact]
    public void The_default_currency_prices_rows_without_one()
    {
        var validation = ProductFeedRules.Validate(Row(("price", "12.99"), ("sale_price", "9.99")), "EUR");

        Assert.Equal((new Money(12.99m, "EUR"), new Money(9.99m, "EUR")), (validation.Item!.Price, validation.Item.SalePrice));
    }

    [Theory]
    [InlineData("169.00 USD")]
    [InlineData("159.00 USD")]
    [InlineData("99.00 EUR")]
    [InlineData("cheap")]
    public void A_sale_price_not_lower_in_the_same_currency_is_ignored_not_rejected(string salePrice) =>
        Assert.Null(Valid(("sale_price", salePrice)).SalePrice);

    [Theory]
    [InlineData("http://images.example.com/TV.png")]
    [InlineData("images/TV.png")]
    [InlineData("data:image/png;base64,AAAA")]
    public void Image_links_that_are_not_https_are_dropped_not_rejected(string imageLink) =>
        Assert.Null(Valid(("image_link", imageLink)).ImageLink);

    [Fact]
    public void An_http_product_link_is_kept_and_escaped_for_html()
    {
        Assert.Equal("http://shop.example/p/1", Valid(("link", "http://shop.example/p/1")).Link);
        Assert.Equal("https://shop.example/o%27neill%20jacket%22", Valid(("link", "https://shop.example/o'neill jacket\"")).Link);
    }

    [Theory]
    [InlineData("71919219405200", "71919219405200")]
    [InlineData("12345678", "12345678")]
    [InlineData("012345678905", "012345678905")]
    [InlineData("4006381333931", "4006381333931")]
    [InlineData("123456789", null)]
    [InlineData("40063813339A1", null)]
    [InlineData("4006-3813-3393", null)]
    public void Gtins_are_kept_only_with_8_12_13_or_14_digits(string gtin, string? expected) =>
        Assert.Equal(expected, Valid(("gtin", gtin)).Gtin);

    [Theory]
    [InlineData("new", "new")]
    [InlineData("Refurbished", "refurbished")]
    [InlineData("USED", "used")]
    [InlineData("mint", null)]
    public void Conditions_are_new_refurbished_or_used(string condition, string? expected) =>
        Assert.Equal(expected, Valid(("condition", condition)).Condition);

    [Fact]
    public void Strings_are_trimmed_and_freed_of_control_characters_keeping_description_lines()
    {
        var item = Valid(("id", "  TV_1\u0000 "), ("title", "\tLG\u0007 TV\r\nBlack  "), ("description", " First line.\r\nSecond\u001b line. "),
            ("brand", " \u0000 "));

        Assert.Equal(("TV_1", "LG TV Black", "First line.\nSecond line.", null), (item.Id, item.Title, item.Description, item.Brand));
    }
}
