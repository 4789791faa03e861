using VirtualShopping.Domain.Products;

namespace VirtualShopping.Tests.Domain.Products;

public sealed class DiscountCodeTests
{
    [Theory]
    [InlineData(" save10 ", "SAVE10")]
    [InlineData("Black_Friday-2026", "BLACK_FRIDAY-2026")]
    public void Codes_are_stored_trimmed_and_in_upper_case(string typed, string stored)
    {
        Assert.True(DiscountCode.IsValidCode(typed));
        Assert.Equal(stored, DiscountCode.Normalise(typed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("AB")]
    [InlineData("SAVE 10")]
    [InlineData("SAVE10%")]
    [InlineData("ÉTÉ2026")]
    [InlineData("SAVE10<script>")]
    [InlineData("A12345678901234567890123456789012345678901")]
    public void Codes_that_are_too_short_too_long_or_have_other_characters_are_refused(string code) =>
        Assert.False(DiscountCode.IsValidCode(code));

    [Theory]
    [InlineData("https://shop.example/discount/{code}")]
    [InlineData("https://shop.example/cart?discount={code}&ref=chat")]
    public void An_https_pattern_with_the_code_once_is_accepted(string pattern) =>
        Assert.True(DiscountCode.IsValidApplyUrlPattern(pattern));

    [Theory]
    [InlineData("http://shop.example/discount/{code}")]
    [InlineData("https://shop.example/discount/")]
    [InlineData("https://shop.example/{code}/{code}")]
    [InlineData("/discount/{code}")]
    [InlineData("javascript:alert('{code}')")]
    [InlineData("https://shop.example/discount/{code}\"onmouseover=\"x")]
    [InlineData("https://shop.example/{CODE}")]
    public void A_pattern_that_is_not_https_or_lacks_the_code_or_repeats_it_is_refused(string pattern) =>
        Assert.False(DiscountCode.IsValidApplyUrlPattern(pattern));

    [Fact]
    public void The_apply_url_puts_the_code_into_the_pattern_url_encoded()
    {
        var code = new DiscountCode { Code = "SAVE10", Description = "10% off", ApplyUrlPattern = "https://shop.example/discount/{code}?ref=chat" };

        Assert.Equal("https://shop.example/discount/SAVE10?ref=chat", code.ApplyUrlFor(code.Code));
        Assert.Equal("https://shop.example/discount/A%26B%2FC?ref=chat", code.ApplyUrlFor("A&B/C"));
    }

    [Fact]
    public void Without_a_pattern_there_is_no_apply_url() =>
        Assert.Null(new DiscountCode { Code = "SAVE10", Description = "10% off" }.ApplyUrlFor("SAVE10"));

    [Fact]
    public void A_code_is_usable_up_to_and_including_its_last_day_and_never_once_archived()
    {
        var code = new DiscountCode { Code = "SAVE10", Description = "10% off", ValidUntil = new DateOnly(2026, 12, 31) };

        Assert.True(code.IsUsableOn(new DateOnly(2026, 12, 31)));
        Assert.False(code.IsUsableOn(new DateOnly(2027, 1, 1)));

        code.ArchivedAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        Assert.False(code.IsUsableOn(new DateOnly(2026, 11, 2)));
    }

    [Fact]
    public void A_code_without_an_end_date_stays_usable() =>
        Assert.True(new DiscountCode { Code = "FREEDELIVERY", Description = "Free delivery" }.IsUsableOn(new DateOnly(2040, 1, 1)));
}
