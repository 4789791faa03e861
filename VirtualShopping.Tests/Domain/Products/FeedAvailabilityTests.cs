using VirtualShopping.Domain.Products;

namespace VirtualShopping.Tests.Domain.Products;

/// <summary><see cref="FeedAvailability"/>: Google's availability values, as merchants write them.</summary>
public sealed class FeedAvailabilityTests
{
    [Theory]
    [InlineData("in_stock", ProductAvailability.InStock)]
    [InlineData("in stock", ProductAvailability.InStock)]
    [InlineData("IN_STOCK", ProductAvailability.InStock)]
    [InlineData(" Out of Stock ", ProductAvailability.OutOfStock)]
    [InlineData("out_of_stock", ProductAvailability.OutOfStock)]
    [InlineData("preorder", ProductAvailability.Preorder)]
    [InlineData("backorder", ProductAvailability.Backorder)]
    public void Feed_values_are_read_in_any_case_with_spaces_or_underscores(string text, ProductAvailability expected)
    {
        Assert.True(FeedAvailability.TryParse(text, out var availability));
        Assert.Equal(expected, availability);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("available")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_values_are_not_availabilities(string? text) => Assert.False(FeedAvailability.TryParse(text, out _));
}
