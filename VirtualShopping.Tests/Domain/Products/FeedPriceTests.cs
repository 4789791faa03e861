using VirtualShopping.Domain.Products;

namespace VirtualShopping.Tests.Domain.Products;

/// <summary><see cref="FeedPrice"/>: the price forms feeds use, read as decimals in a known currency.</summary>
public sealed class FeedPriceTests
{
    [Theory]
    [InlineData("12.99 EUR", "12.99", "EUR")]
    [InlineData("EUR 12.99", "12.99", "EUR")]
    [InlineData("12,99 EUR", "12.99", "EUR")]
    [InlineData("1,299.00 USD", "1299.00", "USD")]
    [InlineData("1.299,00 EUR", "1299.00", "EUR")]
    [InlineData("1,299 USD", "1299", "USD")]
    [InlineData("12.99eur", "12.99", "EUR")]
    [InlineData("  159.00 usd ", "159.00", "USD")]
    [InlineData("0 GBP", "0", "GBP")]
    [InlineData("1500 JPY", "1500", "JPY")]
    [InlineData("12.345 KWD", "12.345", "KWD")]
    [InlineData("1,234,567.50 USD", "1234567.50", "USD")]
    public void Price_forms_are_read_as_an_exact_amount_in_their_currency(string text, string amount, string currency)
    {
        Assert.True(FeedPrice.TryParse(text, null, out var money, out var error), error);

        Assert.Equal(new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency), money);
        Assert.Null(error);
    }

    [Fact]
    public void A_price_without_currency_is_in_the_default_currency() =>
        Assert.Equal((true, new Money(12.99m, "SEK")), (FeedPrice.TryParse("12.99", "SEK", out var money, out _), money));

    [Fact]
    public void A_price_without_currency_and_no_default_is_refused_with_no_currency()
    {
        Assert.False(FeedPrice.TryParse("12.99", null, out _, out var error));
        Assert.Equal("no currency", error);
    }

    [Theory]
    [InlineData("12.99 XYZ", "unknown currency XYZ")]
    [InlineData("abc", "bad price \"abc\"")]
    [InlineData("$12.99", "bad price \"$12.99\"")]
    [InlineData("EUR 12.99 EUR", "bad price \"EUR 12.99 EUR\"")]
    [InlineData("12.99.00 EUR", "bad price \"12.99.00 EUR\"")]
    [InlineData("1,2,3 EUR", "bad price \"1,2,3 EUR\"")]
    [InlineData("12. EUR", "bad price \"12. EUR\"")]
    [InlineData("1234,567.00 USD", "bad price \"1234,567.00 USD\"")]
    [InlineData("2000000000 EUR", "bad price \"2000000000 EUR\"")]
    [InlineData("-12.99 EUR", "negative price \"-12.99 EUR\"")]
    [InlineData("12.999 EUR", "too many decimals for EUR in \"12.999 EUR\"")]
    [InlineData("1.299 EUR", "too many decimals for EUR in \"1.299 EUR\"")]
    [InlineData("1500.5 JPY", "too many decimals for JPY in \"1500.5 JPY\"")]
    [InlineData("", "missing price")]
    [InlineData(null, "missing price")]
    public void Prices_that_cannot_be_trusted_are_refused_in_plain_words(string? text, string expected)
    {
        Assert.False(FeedPrice.TryParse(text, "EUR", out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_long_value_is_quoted_shortened() =>
        Assert.Equal($"\"{new string('x', 40)}…\"", FeedPrice.Quote(new string('x', 500)));
}
