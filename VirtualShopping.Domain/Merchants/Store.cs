using VirtualShopping.Domain.Audit;
using VirtualShopping.Domain.Common;
using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Domain.Merchants;

/// <summary>A physical store whose experts take chats; an entry of the stores index.</summary>
public sealed class Store : ITenantOwned, IConcurrencyStamped, IAudited
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public required string Name { get; set; }

    /// <summary>The retailer's own store number or code, unique within the merchant.</summary>
    public string? Code { get; set; }

    public Address Address { get; set; } = new();

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>IANA time zone the opening hours are written in, e.g. Europe/Helsinki.</summary>
    public string TimeZoneId { get; set; } = "Europe/London";

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public List<WeeklyOpeningHours> OpeningHours { get; set; } = [];

    public List<SpecialOpeningHours> SpecialHours { get; set; } = [];

    public StoreStatus Status { get; set; } = StoreStatus.Active;

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public string AuditLabel => Name;

    public List<Team> Teams { get; set; } = [];

    public bool IsOpenAt(DateTimeOffset instant) =>
        Status == StoreStatus.Active
        && OpeningSchedule.IsOpenAt(instant, TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId), OpeningHours, SpecialHours);
}
