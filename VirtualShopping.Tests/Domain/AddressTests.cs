using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Tests.Domain;

/// <summary><see cref="Address"/>: how a store's address reads on one line.</summary>
public sealed class AddressTests
{
    [Fact]
    public void An_address_reads_as_one_line()
    {
        var address = new Address { Line1 = "310 Oxford Street", City = "London", PostalCode = "W1C 1DX", CountryCode = "GB" };

        Assert.Equal("310 Oxford Street, W1C 1DX London, GB", address.ToString());
    }

    [Fact]
    public void A_second_line_is_included_and_blank_parts_are_left_out()
    {
        var full = new Address { Line1 = "Mannerheimintie 1", Line2 = "2nd floor", City = "Helsinki", PostalCode = "00100", CountryCode = "FI" };
        var sparse = new Address { Line1 = "1 Broad Street", Line2 = "  ", CountryCode = "GB" };

        Assert.Equal("Mannerheimintie 1, 2nd floor, 00100 Helsinki, FI", full.ToString());
        Assert.Equal("1 Broad Street, GB", sparse.ToString());
    }
}
