namespace VirtualShopping.Domain.Staff;

/// <summary>The dashboard access types retailers grant: analytics only, manage team, manage store, settings.</summary>
[Flags]
public enum DashboardAccess
{
    None = 0,
    Analytics = 1,
    ManageTeam = 2,
    ManageStore = 4,
    Settings = 8,
    All = Analytics | ManageTeam | ManageStore | Settings,
}
