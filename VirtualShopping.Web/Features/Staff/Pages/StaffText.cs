using MudBlazor;
using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Web.Features.Staff.Pages;

/// <summary>How staff roles, access types and statuses read in the dashboard.</summary>
public static class StaffText
{
    public static IReadOnlyList<StaffRoles> Roles { get; } = [StaffRoles.HqAdmin, StaffRoles.StoreManager, StaffRoles.Expert, StaffRoles.Support];

    public static IReadOnlyList<DashboardAccess> AccessTypes { get; } = [DashboardAccess.Analytics, DashboardAccess.ManageTeam, DashboardAccess.ManageStore, DashboardAccess.Settings];

    public static string Role(StaffRoles role) => role switch
    {
        StaffRoles.HqAdmin => "HQ admin",
        StaffRoles.StoreManager => "Store manager",
        StaffRoles.Expert => "Expert",
        StaffRoles.Support => "Support",
        _ => role.ToString(),
    };

    public static string Access(DashboardAccess access) => access switch
    {
        DashboardAccess.Analytics => "Analytics",
        DashboardAccess.ManageTeam => "Manage team",
        DashboardAccess.ManageStore => "Manage store",
        DashboardAccess.Settings => "Settings",
        _ => access.ToString(),
    };

    public static string Status(StaffStatus status) => status switch
    {
        StaffStatus.PendingApproval => "Waiting for approval",
        StaffStatus.Rejected => "Not approved",
        _ => status.ToString(),
    };

    public static Color StatusColor(StaffStatus status) => status switch
    {
        StaffStatus.Active => Color.Primary,
        StaffStatus.PendingApproval => Color.Warning,
        StaffStatus.Invited => Color.Info,
        _ => Color.Default,
    };
}
