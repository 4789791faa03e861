namespace VirtualShopping.Domain.Staff;

/// <summary>
/// What a person holds in the dashboard: their roles and the access granted on top. An HQ admin holds
/// everything; a store manager's role carries "manage team" and support's role "manage store", as the
/// dashboard's policies read them.
/// </summary>
public readonly record struct StaffRights(StaffRoles Roles, DashboardAccess Access)
{
    public const StaffRoles AllRoles = StaffRoles.HqAdmin | StaffRoles.StoreManager | StaffRoles.Expert | StaffRoles.Support;

    public static StaffRights Of(StaffMember member) => new(member.Roles, member.Access);

    public bool IsHqAdmin => Roles.HasFlag(StaffRoles.HqAdmin);

    /// <summary>The access the person can use, whether granted directly or carried by a role.</summary>
    public DashboardAccess EffectiveAccess =>
        IsHqAdmin ? DashboardAccess.All
        : Access
          | (Roles.HasFlag(StaffRoles.StoreManager) ? DashboardAccess.ManageTeam : DashboardAccess.None)
          | (Roles.HasFlag(StaffRoles.Support) ? DashboardAccess.ManageStore : DashboardAccess.None);
}
