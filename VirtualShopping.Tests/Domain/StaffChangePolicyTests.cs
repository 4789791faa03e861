using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Tests.Domain;

/// <summary><see cref="StaffChangePolicy"/>: who may give, take away or hand back which roles and access, to whom.</summary>
public sealed class StaffChangePolicyTests
{
    private static readonly Guid ActorId = Guid.NewGuid();
    private static readonly Guid TargetId = Guid.NewGuid();

    private static readonly StaffRights HqAdmin = new(StaffRoles.HqAdmin, DashboardAccess.All);
    private static readonly StaffRights Manager = new(StaffRoles.StoreManager, DashboardAccess.Analytics | DashboardAccess.ManageTeam);
    private static readonly StaffRights Expert = new(StaffRoles.Expert, DashboardAccess.None);
    private static readonly StaffRights Support = new(StaffRoles.Support, DashboardAccess.ManageStore);
    private static readonly StaffRights SettingsHolder = new(StaffRoles.StoreManager, DashboardAccess.ManageTeam | DashboardAccess.Settings);

    [Fact]
    public void An_hq_admin_may_give_and_take_away_every_role_and_access()
    {
        Assert.Equal(StaffRights.AllRoles, StaffChangePolicy.GrantableRoles(HqAdmin));
        Assert.Equal(DashboardAccess.All, StaffChangePolicy.GrantableAccess(HqAdmin));
        Assert.Null(StaffChangePolicy.Invite(HqAdmin, new(StaffRights.AllRoles, DashboardAccess.All)));
        Assert.Null(Edit(HqAdmin, Expert, HqAdmin));
        Assert.Null(Edit(HqAdmin, new(StaffRoles.HqAdmin, DashboardAccess.All), Manager, activeHqAdmins: 2));
    }

    [Fact]
    public void A_store_manager_may_give_experts_and_what_they_hold_but_not_admin_support_settings_or_access_they_lack()
    {
        Assert.Equal(StaffRoles.StoreManager | StaffRoles.Expert, StaffChangePolicy.GrantableRoles(Manager));
        Assert.Equal(DashboardAccess.Analytics | DashboardAccess.ManageTeam, StaffChangePolicy.GrantableAccess(Manager));
        Assert.Null(StaffChangePolicy.Invite(Manager, new(StaffRoles.Expert | StaffRoles.StoreManager, DashboardAccess.Analytics | DashboardAccess.ManageTeam)));

        AssertNotAllowed(StaffChangePolicy.Invite(Manager, new(StaffRoles.HqAdmin, DashboardAccess.None)), StaffChangePolicy.RolesField, "Only an HQ admin can make someone an HQ admin");
        AssertNotAllowed(StaffChangePolicy.Invite(Manager, new(StaffRoles.Support, DashboardAccess.None)), StaffChangePolicy.RolesField, "roles you hold yourself");
        AssertNotAllowed(StaffChangePolicy.Invite(Manager, new(StaffRoles.Expert, DashboardAccess.ManageStore)), StaffChangePolicy.AccessField, "access you hold yourself");
        AssertNotAllowed(StaffChangePolicy.Invite(Manager, new(StaffRoles.Expert, DashboardAccess.Settings)), StaffChangePolicy.AccessField, "settings access");
    }

    [Fact]
    public void Settings_access_is_granted_and_revoked_only_by_hq_admins_even_by_someone_who_holds_it()
    {
        Assert.False(StaffChangePolicy.GrantableAccess(SettingsHolder).HasFlag(DashboardAccess.Settings));
        AssertNotAllowed(Edit(SettingsHolder, Expert, Expert with { Access = DashboardAccess.Settings }), StaffChangePolicy.AccessField, "settings access");
        AssertNotAllowed(Edit(SettingsHolder, Expert with { Access = DashboardAccess.Settings }, Expert), StaffChangePolicy.AccessField, "settings access");
        Assert.Null(Edit(HqAdmin, Expert, Expert with { Access = DashboardAccess.Settings }));
    }

    [Fact]
    public void Roles_and_access_a_person_does_not_hold_can_be_neither_given_nor_taken_away()
    {
        var expertWithStores = Expert with { Access = DashboardAccess.ManageStore };

        AssertNotAllowed(Edit(Manager, Expert, expertWithStores), StaffChangePolicy.AccessField, "access you hold yourself");
        AssertNotAllowed(Edit(Manager, expertWithStores, Expert), StaffChangePolicy.AccessField, "access you hold yourself");
        AssertNotAllowed(Edit(Manager, Expert, Expert with { Roles = StaffRoles.Expert | StaffRoles.Support }), StaffChangePolicy.RolesField, "roles you hold yourself");
        Assert.Null(Edit(Support, Expert, expertWithStores));
    }

    [Fact]
    public void Someone_with_only_manage_team_access_may_manage_experts_but_not_make_store_managers()
    {
        var teamLead = new StaffRights(StaffRoles.Expert, DashboardAccess.ManageTeam);

        Assert.Null(StaffChangePolicy.Invite(teamLead, Expert));
        AssertNotAllowed(StaffChangePolicy.Invite(teamLead, new(StaffRoles.StoreManager, DashboardAccess.None)), StaffChangePolicy.RolesField, "roles you hold yourself");
    }

    [Fact]
    public void An_expert_without_team_access_may_grant_nothing_beyond_their_own_role()
    {
        Assert.Equal(StaffRoles.Expert, StaffChangePolicy.GrantableRoles(Expert));
        Assert.Equal(DashboardAccess.None, StaffChangePolicy.GrantableAccess(Expert));
        AssertNotAllowed(StaffChangePolicy.Invite(Expert, Expert with { Access = DashboardAccess.Analytics }), StaffChangePolicy.AccessField, "access you hold yourself");
    }

    [Fact]
    public void A_manager_cannot_edit_an_hq_admin_at_all_not_even_their_name()
    {
        Assert.False(StaffChangePolicy.MayEdit(Manager, HqAdmin));
        Assert.True(StaffChangePolicy.MayEdit(HqAdmin, HqAdmin));
        AssertNotAllowed(Edit(Manager, HqAdmin, HqAdmin, activeHqAdmins: 2), StaffChangePolicy.RolesField, "Only an HQ admin can change or deactivate an HQ admin");
        AssertNotAllowed(Edit(Manager, HqAdmin, Manager, activeHqAdmins: 2), StaffChangePolicy.RolesField, "Only an HQ admin can change or deactivate an HQ admin");
    }

    [Fact]
    public void A_manager_cannot_deactivate_reactivate_or_reinvite_an_hq_admin()
    {
        AssertNotAllowed(TakeAway(Manager, HqAdmin, activeHqAdmins: 2), StaffChangePolicy.StatusField, "Only an HQ admin can change or deactivate an HQ admin");
        AssertNotAllowed(StaffChangePolicy.GiveBack(Manager, HqAdmin), StaffChangePolicy.StatusField, "Only an HQ admin can change or deactivate an HQ admin");
    }

    [Fact]
    public void Nobody_changes_their_own_roles_or_access_but_may_change_their_name()
    {
        AssertNotAllowed(Edit(Manager, Manager, Manager with { Roles = StaffRoles.StoreManager | StaffRoles.Support }, targetId: ActorId), StaffChangePolicy.RolesField, "your own roles");
        AssertNotAllowed(Edit(Manager, Manager, Manager with { Access = Manager.Access | DashboardAccess.ManageStore }, targetId: ActorId), StaffChangePolicy.RolesField, "your own roles");
        AssertNotAllowed(Edit(HqAdmin, HqAdmin, HqAdmin with { Roles = StaffRoles.HqAdmin | StaffRoles.Expert }, targetId: ActorId, activeHqAdmins: 2), StaffChangePolicy.RolesField, "your own roles");
        AssertNotAllowed(Edit(HqAdmin, HqAdmin, Manager, targetId: ActorId, activeHqAdmins: 2), StaffChangePolicy.RolesField, "your own roles");
        Assert.Null(Edit(Manager, Manager, Manager, targetId: ActorId));
    }

    [Fact]
    public void Nobody_deactivates_themselves()
    {
        AssertNotAllowed(TakeAway(HqAdmin, HqAdmin, targetId: ActorId, activeHqAdmins: 2), StaffChangePolicy.StatusField, "You cannot deactivate yourself");
        AssertNotAllowed(TakeAway(Manager, Manager, targetId: ActorId), StaffChangePolicy.StatusField, "You cannot deactivate yourself");
    }

    [Fact]
    public void The_last_active_hq_admin_keeps_the_role_and_stays_active()
    {
        AssertLastHqAdmin(Edit(HqAdmin, HqAdmin, Manager, activeHqAdmins: 1), StaffChangePolicy.RolesField);
        AssertLastHqAdmin(Edit(HqAdmin, HqAdmin, Manager, targetId: ActorId, activeHqAdmins: 1), StaffChangePolicy.RolesField);
        AssertLastHqAdmin(TakeAway(HqAdmin, HqAdmin, activeHqAdmins: 1), StaffChangePolicy.StatusField);
        AssertLastHqAdmin(TakeAway(HqAdmin, HqAdmin, targetId: ActorId, activeHqAdmins: 1), StaffChangePolicy.StatusField);
        Assert.Null(Edit(HqAdmin, HqAdmin, HqAdmin with { Roles = StaffRoles.HqAdmin | StaffRoles.Expert }, activeHqAdmins: 1));
    }

    [Fact]
    public void An_hq_admin_who_is_not_the_last_may_lose_the_role_or_be_deactivated_by_another()
    {
        Assert.Null(Edit(HqAdmin, HqAdmin, Manager, activeHqAdmins: 2));
        Assert.Null(TakeAway(HqAdmin, HqAdmin, activeHqAdmins: 2));
    }

    [Fact]
    public void Only_taking_the_role_from_or_deactivating_an_active_hq_admin_takes_an_hq_admin_away()
    {
        Assert.True(StaffChangePolicy.TakesAwayAnHqAdmin(HqAdmin, StaffStatus.Active, Manager, StaffStatus.Active));
        Assert.True(StaffChangePolicy.TakesAwayAnHqAdmin(HqAdmin, StaffStatus.Active, HqAdmin, StaffStatus.Deactivated));
        Assert.False(StaffChangePolicy.TakesAwayAnHqAdmin(HqAdmin, StaffStatus.Active, HqAdmin with { Roles = StaffRoles.HqAdmin | StaffRoles.Expert }, StaffStatus.Active));
        Assert.False(StaffChangePolicy.TakesAwayAnHqAdmin(HqAdmin, StaffStatus.Deactivated, Manager, StaffStatus.Deactivated));
        Assert.False(StaffChangePolicy.TakesAwayAnHqAdmin(HqAdmin, StaffStatus.PendingApproval, HqAdmin, StaffStatus.Rejected));
        Assert.False(StaffChangePolicy.TakesAwayAnHqAdmin(Manager, StaffStatus.Active, Manager, StaffStatus.Deactivated));
    }

    [Fact]
    public void A_change_written_at_the_same_moment_as_a_colleagues_is_refused_when_no_active_hq_admin_is_left()
    {
        Assert.Null(StaffChangePolicy.LeavesAnHqAdmin(1, StaffStatus.Active));
        Assert.Null(StaffChangePolicy.LeavesAnHqAdmin(1, StaffStatus.Deactivated));
        AssertLastHqAdmin(StaffChangePolicy.LeavesAnHqAdmin(0, StaffStatus.Active), StaffChangePolicy.RolesField);
        AssertLastHqAdmin(StaffChangePolicy.LeavesAnHqAdmin(0, StaffStatus.Deactivated), StaffChangePolicy.StatusField);
    }

    [Theory]
    [InlineData(StaffStatus.Invited)]
    [InlineData(StaffStatus.Deactivated)]
    public void An_hq_admin_who_is_not_active_does_not_count_as_the_last(StaffStatus status)
    {
        Assert.Null(Edit(HqAdmin, HqAdmin, Manager, activeHqAdmins: 1, targetStatus: status));
    }

    [Fact]
    public void Deactivating_or_rejecting_needs_every_right_the_person_holds()
    {
        Assert.Null(TakeAway(Manager, Expert));
        AssertNotAllowed(TakeAway(Manager, Support), StaffChangePolicy.StatusField, "roles or access you do not hold");
        AssertNotAllowed(TakeAway(Manager, SettingsHolder), StaffChangePolicy.StatusField, "roles or access you do not hold");
        Assert.Null(TakeAway(HqAdmin, SettingsHolder));
    }

    [Fact]
    public void Approving_reactivating_or_reinviting_needs_every_right_the_person_would_get_back()
    {
        Assert.Null(StaffChangePolicy.GiveBack(Manager, Expert));
        Assert.Null(StaffChangePolicy.GiveBack(Manager, Manager));
        AssertNotAllowed(StaffChangePolicy.GiveBack(Manager, Support), StaffChangePolicy.StatusField, "roles or access you do not hold");
        AssertNotAllowed(StaffChangePolicy.GiveBack(Manager, Expert with { Access = DashboardAccess.ManageStore }), StaffChangePolicy.StatusField, "roles or access you do not hold");
        Assert.Null(StaffChangePolicy.GiveBack(HqAdmin, HqAdmin));
    }

    [Fact]
    public void Roles_carry_the_access_the_dashboard_gives_them()
    {
        Assert.Equal(DashboardAccess.All, HqAdmin.EffectiveAccess);
        Assert.Equal(DashboardAccess.ManageTeam, new StaffRights(StaffRoles.StoreManager, DashboardAccess.None).EffectiveAccess);
        Assert.Equal(DashboardAccess.ManageStore, new StaffRights(StaffRoles.Support, DashboardAccess.None).EffectiveAccess);
        Assert.Equal(DashboardAccess.Analytics, new StaffRights(StaffRoles.Expert, DashboardAccess.Analytics).EffectiveAccess);
    }

    private static StaffChangeRefusal? Edit(StaffRights actor, StaffRights target, StaffRights proposed, Guid? targetId = null, int activeHqAdmins = 3, StaffStatus targetStatus = StaffStatus.Active) =>
        StaffChangePolicy.Edit(ActorId, actor, targetId ?? TargetId, target, targetStatus, proposed, activeHqAdmins);

    private static StaffChangeRefusal? TakeAway(StaffRights actor, StaffRights target, Guid? targetId = null, int activeHqAdmins = 3) =>
        StaffChangePolicy.TakeAway(ActorId, actor, targetId ?? TargetId, target, StaffStatus.Active, activeHqAdmins);

    private static void AssertNotAllowed(StaffChangeRefusal? refusal, string field, string message)
    {
        Assert.NotNull(refusal);
        Assert.Equal(StaffChangeRefusalKind.NotAllowed, refusal.Kind);
        Assert.Equal(field, refusal.Field);
        Assert.Contains(message, refusal.Message, StringComparison.Ordinal);
    }

    private static void AssertLastHqAdmin(StaffChangeRefusal? refusal, string field)
    {
        Assert.NotNull(refusal);
        Assert.Equal(StaffChangeRefusalKind.LastHqAdmin, refusal.Kind);
        Assert.Equal(field, refusal.Field);
        Assert.Contains("last active HQ admin", refusal.Message, StringComparison.Ordinal);
    }
}
