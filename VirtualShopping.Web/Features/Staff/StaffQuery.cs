using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Web.Features.Staff;

public enum StaffSort
{
    Name,
    Email,
    EmployeeId,
    Status,
}

/// <summary>Search, filter, sort and page for the staff list.</summary>
public sealed record StaffQuery(
    string? Search = null,
    StaffStatus? Status = null,
    StaffRoles? Role = null,
    StaffSort SortBy = StaffSort.Name,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25);
