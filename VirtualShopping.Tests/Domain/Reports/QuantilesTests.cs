using VirtualShopping.Domain.Reports;

namespace VirtualShopping.Tests.Domain.Reports;

public sealed class QuantilesTests
{
    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value_and_of_an_even_count_the_lower_middle()
    {
        Assert.Equal(20, Quantiles.Of([10, 20, 30], 50));
        Assert.Equal(20, Quantiles.Of([10, 20, 30, 40], 50));
    }

    [Fact]
    public void The_ninetieth_percentile_is_the_nearest_rank()
    {
        var values = Enumerable.Range(1, 10).Select(i => i * 10.0).ToList();

        Assert.Equal(90, Quantiles.Of(values, 90));
        Assert.Equal(100, Quantiles.Of([.. values, 110], 90));
        Assert.Equal(7, Quantiles.Of([7], 90));
    }

    [Fact]
    public void Nothing_to_measure_gives_no_figure() => Assert.Null(Quantiles.Of([], 50));
}
