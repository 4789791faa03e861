using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Web.Features.Stores;

/// <summary>One row of the stores index.</summary>
public sealed record StoreSummary(
    Guid Id,
    string Name,
    string? Code,
    string City,
    string CountryCode,
    string TimeZoneId,
    int ActiveTeams,
    StoreStatus Status,
    bool IsOpenNow);
