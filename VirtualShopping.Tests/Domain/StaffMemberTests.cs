using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Tests.Domain;

/// <summary><see cref="StaffMember"/>: approval, deactivation, reactivation, sign-in and dashboard access.</summary>
public sealed class StaffMemberTests
{
    [Fact]
    public void A_pending_expert_can_be_approved_and_then_sign_in()
    {
        var expert = Person(StaffStatus.PendingApproval);
        Assert.False(expert.CanSignIn);

        var result = expert.Approve();

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(StaffStatus.Active, expert.Status);
        Assert.True(expert.CanSignIn);
    }

    [Theory]
    [InlineData(StaffStatus.Invited)]
    [InlineData(StaffStatus.Active)]
    [InlineData(StaffStatus.Deactivated)]
    public void Only_people_waiting_for_approval_can_be_approved(StaffStatus status)
    {
        var person = Person(status);

        var result = person.Approve();

        Assert.False(result.IsValid);
        Assert.Contains("approval", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(status, person.Status);
    }

    [Fact]
    public void An_expert_cannot_be_approved_twice()
    {
        var expert = Person(StaffStatus.PendingApproval);

        Assert.True(expert.Approve().IsValid);
        Assert.False(expert.Approve().IsValid);
        Assert.Equal(StaffStatus.Active, expert.Status);
    }

    [Theory]
    [InlineData(StaffStatus.Invited, false)]
    [InlineData(StaffStatus.PendingApproval, false)]
    [InlineData(StaffStatus.Active, true)]
    [InlineData(StaffStatus.Deactivated, false)]
    public void Only_active_people_can_sign_in(StaffStatus status, bool canSignIn) =>
        Assert.Equal(canSignIn, Person(status).CanSignIn);

    [Fact]
    public void Deactivating_makes_an_available_expert_unavailable_and_blocks_sign_in()
    {
        var expert = Person(StaffStatus.Active);
        expert.IsAvailable = true;

        expert.Deactivate();

        Assert.Equal(StaffStatus.Deactivated, expert.Status);
        Assert.False(expert.IsAvailable);
        Assert.False(expert.CanSignIn);
    }

    [Theory]
    [InlineData(StaffStatus.PendingApproval, "rejected, not deactivated")]
    [InlineData(StaffStatus.Invited, "invitation expires")]
    public void People_who_never_had_access_cannot_be_deactivated_so_reactivation_cannot_skip_approval(StaffStatus status, string message)
    {
        var person = Person(status);

        var result = person.Deactivate();

        Assert.False(result.IsValid);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(status, person.Status);
        Assert.False(person.Reactivate().IsValid);
    }

    [Fact]
    public void A_rejected_request_cannot_sign_in_or_be_reactivated()
    {
        var person = Person(StaffStatus.PendingApproval);

        Assert.True(person.Reject().IsValid);

        Assert.Equal(StaffStatus.Rejected, person.Status);
        Assert.False(person.CanSignIn);
        Assert.False(person.Reactivate().IsValid);
        Assert.False(person.Reject().IsValid);
    }

    [Fact]
    public void Deactivating_twice_leaves_the_person_deactivated()
    {
        var expert = Person(StaffStatus.Active);

        expert.Deactivate();
        expert.Deactivate();

        Assert.Equal(StaffStatus.Deactivated, expert.Status);
        Assert.False(expert.CanSignIn);
    }

    [Fact]
    public void A_deactivated_person_can_be_reactivated_and_sign_in_again_but_stays_unavailable()
    {
        var expert = Person(StaffStatus.Active);
        expert.IsAvailable = true;
        expert.Deactivate();

        var result = expert.Reactivate();

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(StaffStatus.Active, expert.Status);
        Assert.True(expert.CanSignIn);
        Assert.False(expert.IsAvailable);
    }

    [Theory]
    [InlineData(StaffStatus.Invited)]
    [InlineData(StaffStatus.PendingApproval)]
    [InlineData(StaffStatus.Active)]
    public void Only_deactivated_people_can_be_reactivated(StaffStatus status)
    {
        var person = Person(status);

        var result = person.Reactivate();

        Assert.False(result.IsValid);
        Assert.Contains("deactivated", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(status, person.Status);
    }

    [Theory]
    [InlineData(StaffRoles.HqAdmin, DashboardAccess.None, DashboardAccess.All)]
    [InlineData(StaffRoles.HqAdmin, DashboardAccess.Analytics, DashboardAccess.All)]
    [InlineData(StaffRoles.HqAdmin | StaffRoles.Expert, DashboardAccess.None, DashboardAccess.All)]
    [InlineData(StaffRoles.StoreManager, DashboardAccess.Analytics | DashboardAccess.ManageTeam, DashboardAccess.Analytics | DashboardAccess.ManageTeam)]
    [InlineData(StaffRoles.StoreManager | StaffRoles.Expert, DashboardAccess.ManageStore, DashboardAccess.ManageStore)]
    [InlineData(StaffRoles.Support, DashboardAccess.Settings, DashboardAccess.Settings)]
    [InlineData(StaffRoles.Expert, DashboardAccess.None, DashboardAccess.None)]
    [InlineData(StaffRoles.None, DashboardAccess.All, DashboardAccess.All)]
    public void Hq_admins_have_every_access_type_and_others_only_what_they_are_granted(StaffRoles roles, DashboardAccess granted, DashboardAccess effective) =>
        Assert.Equal(effective, Person(StaffStatus.Active, roles, granted).EffectiveAccess);

    [Theory]
    [InlineData("  Sam.Taylor@Example.COM ", "sam.taylor@example.com")]
    [InlineData("sam@example.com", "sam@example.com")]
    public void Emails_are_compared_trimmed_and_lower_case(string email, string normalized) =>
        Assert.Equal(normalized, StaffMember.NormalizeEmail(email));

    private static StaffMember Person(StaffStatus status, StaffRoles roles = StaffRoles.Expert, DashboardAccess access = DashboardAccess.None) =>
        new() { DisplayName = "Sam", Email = "sam@example.com", Status = status, Roles = roles, Access = access };
}
