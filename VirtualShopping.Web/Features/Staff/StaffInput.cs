using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Web.Features.Staff;

/// <summary>What an admin or manager sends to invite or edit a staff member.</summary>
public sealed class StaffInput
{
    public string DisplayName { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string? EmployeeId { get; set; }

    public StaffRoles Roles { get; set; }

    public DashboardAccess Access { get; set; }

    public List<Guid> StoreIds { get; set; } = [];

    public List<Guid> TeamIds { get; set; } = [];

    /// <summary>Languages the person chats in, for language routing; null (from an API caller) leaves them as they are.</summary>
    public List<string>? Languages { get; set; }

    public Guid? ConcurrencyStamp { get; set; }

    public static StaffInput From(StaffMember member) => new()
    {
        DisplayName = member.DisplayName,
        Email = member.Email,
        EmployeeId = member.EmployeeId,
        Roles = member.Roles,
        Access = member.Access,
        StoreIds = member.Stores.Select(s => s.Id).ToList(),
        TeamIds = member.Teams.Select(t => t.Id).ToList(),
        Languages = [.. member.Languages],
        ConcurrencyStamp = member.ConcurrencyStamp,
    };
}
