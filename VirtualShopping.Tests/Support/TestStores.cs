using VirtualShopping.Web.Features.Stores;

namespace VirtualShopping.Tests.Support;

/// <summary>A store a person could really submit: valid address, time zone and default hours.</summary>
public static class TestStores
{
    public static StoreInput ValidInput(string name, string city = "Bristol") => new StoreInput
    {
        Name = name,
        AddressLine1 = "1 Broad Street",
        City = city,
        PostalCode = "BS1 2HQ",
        CountryCode = "GB",
        TimeZoneId = "Europe/London",
        OpeningHours = StoreInput.NewWithDefaultHours().OpeningHours,
    };
}
