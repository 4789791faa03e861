using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Tests.Domain;

/// <summary><see cref="TimeZones"/>: the IANA zones a store's hours can be written in.</summary>
public sealed class TimeZonesTests
{
    [Theory]
    [InlineData("Europe/Helsinki", true)]
    [InlineData("Europe/London", true)]
    [InlineData("America/New_York", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("Etc/GMT+3", false)]
    [InlineData("europe/london", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_iana_area_city_time_zones_are_offered(string? zone, bool known) =>
        Assert.Equal(known, TimeZones.IsKnown(zone));

    [Fact]
    public void The_offered_zones_are_sorted_and_can_all_be_found()
    {
        Assert.Equal(TimeZones.All.Order(StringComparer.Ordinal), TimeZones.All);
        Assert.All(TimeZones.All, id => Assert.NotNull(TimeZoneInfo.FindSystemTimeZoneById(id)));
    }
}
