using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Web.Features.Staff;

/// <summary>One row of the staff list.</summary>
public sealed record StaffSummary(
    Guid Id,
    string DisplayName,
    string Email,
    string? EmployeeId,
    StaffRoles Roles,
    DashboardAccess Access,
    StaffStatus Status,
    bool IsAvailable,
    IReadOnlyList<string> Stores,
    IReadOnlyList<string> Teams);
