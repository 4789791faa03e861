using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Web.Features.Stores;

/// <summary>What a person or API client sends to create or edit a store.</summary>
public sealed class StoreInput
{
    public string Name { get; set; } = string.Empty;

    public string? Code { get; set; }

    public string AddressLine1 { get; set; } = string.Empty;

    public string? AddressLine2 { get; set; }

    public string City { get; set; } = string.Empty;

    public string PostalCode { get; set; } = string.Empty;

    public string CountryCode { get; set; } = string.Empty;

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string TimeZoneId { get; set; } = "Europe/London";

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public List<OpeningPeriodInput> OpeningHours { get; set; } = [];

    /// <summary>The stamp of the copy being edited; a stale one means someone else saved first.</summary>
    public Guid? ConcurrencyStamp { get; set; }

    public static StoreInput From(Store store) => new()
    {
        Name = store.Name,
        Code = store.Code,
        AddressLine1 = store.Address.Line1,
        AddressLine2 = store.Address.Line2,
        City = store.Address.City,
        PostalCode = store.Address.PostalCode,
        CountryCode = store.Address.CountryCode,
        Latitude = store.Latitude,
        Longitude = store.Longitude,
        TimeZoneId = store.TimeZoneId,
        Phone = store.Phone,
        Email = store.Email,
        OpeningHours = store.OpeningHours
            .OrderBy(p => ((int)p.Day + 6) % 7).ThenBy(p => p.Opens)
            .Select(p => new OpeningPeriodInput { Day = p.Day, Opens = p.Opens, Closes = p.Closes })
            .ToList(),
        ConcurrencyStamp = store.ConcurrencyStamp,
    };

    /// <summary>A new store's sensible default: Monday to Saturday 09:00–18:00, Sunday 11:00–17:00.</summary>
    public static StoreInput NewWithDefaultHours() => new()
    {
        OpeningHours =
        [
            .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday }
                .Select(d => new OpeningPeriodInput { Day = d, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(18, 0) }),
            new OpeningPeriodInput { Day = DayOfWeek.Sunday, Opens = new TimeOnly(11, 0), Closes = new TimeOnly(17, 0) },
        ],
    };

    public void ApplyTo(Store store)
    {
        store.Name = Name.Trim();
        store.Code = string.IsNullOrWhiteSpace(Code) ? null : Code.Trim();
        store.Address.Line1 = AddressLine1.Trim();
        store.Address.Line2 = string.IsNullOrWhiteSpace(AddressLine2) ? null : AddressLine2.Trim();
        store.Address.City = City.Trim();
        store.Address.PostalCode = PostalCode.Trim();
        store.Address.CountryCode = CountryCode.Trim().ToUpperInvariant();
        store.Latitude = Latitude;
        store.Longitude = Longitude;
        store.TimeZoneId = TimeZoneId;
        store.Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim();
        store.Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        store.OpeningHours.Clear();
        store.OpeningHours.AddRange(OpeningHours.Select(p => new WeeklyOpeningHours { Day = p.Day, Opens = p.Opens, Closes = p.Closes }));
    }
}
