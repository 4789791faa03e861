namespace VirtualShopping.Domain.Staff;

/// <summary>
/// Who may change whose roles, access and status. Nobody grants, removes or hands back rights they do
/// not hold themselves; only HQ admins grant or revoke the HQ admin role and settings access; only HQ
/// admins change HQ admins at all; nobody changes their own roles or access or deactivates themselves;
/// and the last active HQ admin of a merchant keeps the role and stays active.
/// Every method answers null when the change is allowed.
/// </summary>
public static class StaffChangePolicy
{
    public const string RolesField = "Roles";
    public const string AccessField = "Access";
    public const string StatusField = "Status";

    /// <summary>Roles this person may give or take away: an HQ admin all of them; others the ones they hold, and experts if they manage a team.</summary>
    public static StaffRoles GrantableRoles(StaffRights actor)
    {
        if (actor.IsHqAdmin)
        {
            return StaffRights.AllRoles;
        }

        var roles = actor.Roles & (StaffRoles.StoreManager | StaffRoles.Expert | StaffRoles.Support);
        return actor.EffectiveAccess.HasFlag(DashboardAccess.ManageTeam) ? roles | StaffRoles.Expert : roles;
    }

    /// <summary>Access this person may give or take away: an HQ admin all of it; others what they hold, never settings.</summary>
    public static DashboardAccess GrantableAccess(StaffRights actor) =>
        actor.IsHqAdmin ? DashboardAccess.All : actor.EffectiveAccess & ~DashboardAccess.Settings;

    /// <summary>Whether this person may open someone's record for editing at all (only HQ admins edit HQ admins).</summary>
    public static bool MayEdit(StaffRights actor, StaffRights target) => actor.IsHqAdmin || !target.IsHqAdmin;

    /// <summary>Inviting someone new with these rights.</summary>
    public static StaffChangeRefusal? Invite(StaffRights actor, StaffRights proposed) =>
        Grants(actor, proposed.Roles, proposed.Access);

    /// <summary>Editing someone: their name and stores are free to change, their roles and access only within these rules.</summary>
    public static StaffChangeRefusal? Edit(Guid? actorId, StaffRights actor, Guid targetId, StaffRights target, StaffStatus targetStatus, StaffRights proposed, int activeHqAdmins)
    {
        if (!MayEdit(actor, target))
        {
            return OnlyHqAdminsChangeHqAdmins(RolesField);
        }

        if (proposed == target)
        {
            return null;
        }

        if (target.IsHqAdmin && !proposed.IsHqAdmin && targetStatus == StaffStatus.Active && activeHqAdmins <= 1)
        {
            return LastHqAdmin(RolesField, "keep the HQ admin role");
        }

        if (targetId == actorId)
        {
            return new(StaffChangeRefusalKind.NotAllowed, RolesField, "You cannot change your own roles or access. Ask another admin.");
        }

        return Grants(actor, target.Roles ^ proposed.Roles, target.Access ^ proposed.Access);
    }

    /// <summary>Deactivating an active person, or rejecting one who asked to join: it takes away all they hold.</summary>
    public static StaffChangeRefusal? TakeAway(Guid? actorId, StaffRights actor, Guid targetId, StaffRights target, StaffStatus targetStatus, int activeHqAdmins)
    {
        if (!MayEdit(actor, target))
        {
            return OnlyHqAdminsChangeHqAdmins(StatusField);
        }

        if (target.IsHqAdmin && targetStatus == StaffStatus.Active && activeHqAdmins <= 1)
        {
            return LastHqAdmin(StatusField, "stay active");
        }

        if (targetId == actorId)
        {
            return new(StaffChangeRefusalKind.NotAllowed, StatusField, "You cannot deactivate yourself. Ask another admin.");
        }

        return Holds(actor, target);
    }

    /// <summary>
    /// Whether a change takes an active HQ admin away (their role, or their being active). Such a change is
    /// checked twice: by <see cref="Edit"/> or <see cref="TakeAway"/> before it is made, and by
    /// <see cref="LeavesAnHqAdmin"/> once it is written, inside its transaction, where a colleague's change
    /// made at the same moment is counted too.
    /// </summary>
    public static bool TakesAwayAnHqAdmin(StaffRights before, StaffStatus statusBefore, StaffRights after, StaffStatus statusAfter) =>
        before.IsHqAdmin && statusBefore == StaffStatus.Active && !(after.IsHqAdmin && statusAfter == StaffStatus.Active);

    /// <summary>
    /// After such a change is written: refused when it left the merchant without an active HQ admin (two
    /// admins taking the role from, or deactivating, each other at once). The person who stays active had
    /// to keep the role; the one deactivated had to stay active.
    /// </summary>
    public static StaffChangeRefusal? LeavesAnHqAdmin(int activeHqAdminsLeft, StaffStatus statusAfter) =>
        activeHqAdminsLeft > 0 ? null
        : statusAfter == StaffStatus.Active ? LastHqAdmin(RolesField, "keep the HQ admin role")
        : LastHqAdmin(StatusField, "stay active");

    /// <summary>Approving, reactivating or re-inviting someone: it hands them back all their rights.</summary>
    public static StaffChangeRefusal? GiveBack(StaffRights actor, StaffRights target) =>
        MayEdit(actor, target) ? Holds(actor, target) : OnlyHqAdminsChangeHqAdmins(StatusField);

    private static StaffChangeRefusal? Holds(StaffRights actor, StaffRights target) =>
        Grants(actor, target.Roles, target.Access) is null
            ? null
            : new(StaffChangeRefusalKind.NotAllowed, StatusField, "This person has roles or access you do not hold yourself. Ask an HQ admin.");

    /// <summary>Whether the actor may give or take away these roles and access.</summary>
    private static StaffChangeRefusal? Grants(StaffRights actor, StaffRoles roles, DashboardAccess access)
    {
        var roleBeyond = roles & ~GrantableRoles(actor);
        var accessBeyond = access & ~GrantableAccess(actor);
        if (roleBeyond.HasFlag(StaffRoles.HqAdmin))
        {
            return new(StaffChangeRefusalKind.NotAllowed, RolesField, "Only an HQ admin can make someone an HQ admin or take the role away.");
        }

        if (accessBeyond.HasFlag(DashboardAccess.Settings))
        {
            return new(StaffChangeRefusalKind.NotAllowed, AccessField, "Only an HQ admin can grant or take away settings access.");
        }

        if (roleBeyond != StaffRoles.None)
        {
            return new(StaffChangeRefusalKind.NotAllowed, RolesField, "You can only give or take away roles you hold yourself.");
        }

        return accessBeyond == DashboardAccess.None
            ? null
            : new(StaffChangeRefusalKind.NotAllowed, AccessField, "You can only give or take away dashboard access you hold yourself.");
    }

    private static StaffChangeRefusal OnlyHqAdminsChangeHqAdmins(string field) =>
        new(StaffChangeRefusalKind.NotAllowed, field, "Only an HQ admin can change or deactivate an HQ admin.");

    private static StaffChangeRefusal LastHqAdmin(string field, string what) =>
        new(StaffChangeRefusalKind.LastHqAdmin, field, $"This is the last active HQ admin, who must {what}. Make someone else an HQ admin first.");
}
