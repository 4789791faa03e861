using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Tests.Domain;

public sealed class StaffMemberTests
{
    [Fact]
    public void A_pending_expert_can_be_approved_and_then_sign_in()
    {
        var expert = Person(StaffStatus.PendingApproval);

        Assert.False(expert.CanSignIn);
        Assert.True(expert.Approve().IsValid);
        Assert.Equal(StaffStatus.Active, expert.Status);
        Assert.True(expert.CanSignIn);
    }

    [Theory]
    [InlineData(StaffStatus.Active)]
    [InlineData(StaffStatus.Invited)]
    [InlineData(StaffStatus.Deactivated)]
    public void Only_people_waiting_for_approval_can_be_approved(StaffStatus status)
    {
        var person = Person(status);

        var result = person.Approve();

        Assert.False(result.IsValid);
        Assert.Equal(status, person.Status);
    }

    [Fact]
    public void Deactivating_makes_an_expert_unavailable_and_blocks_sign_in()
    {
        var expert = Person(StaffStatus.Active);
        expert.IsAvailable = true;

        expert.Deactivate();

        Assert.False(expert.IsAvailable);
        Assert.False(expert.CanSignIn);
        Assert.True(expert.Reactivate().IsValid);
        Assert.True(expert.CanSignIn);
        Assert.False(expert.Reactivate().IsValid);
    }

    [Fact]
    public void Hq_admins_have_every_access_type_and_others_only_what_they_are_granted()
    {
        var admin = Person(StaffStatus.Active, StaffRoles.HqAdmin, DashboardAccess.None);
        var manager = Person(StaffStatus.Active, StaffRoles.StoreManager, DashboardAccess.Analytics | DashboardAccess.ManageTeam);

        Assert.Equal(DashboardAccess.All, admin.EffectiveAccess);
        Assert.Equal(DashboardAccess.Analytics | DashboardAccess.ManageTeam, manager.EffectiveAccess);
    }

    [Fact]
    public void Emails_are_compared_trimmed_and_lower_case() =>
        Assert.Equal("sam.taylor@example.com", StaffMember.NormalizeEmail("  Sam.Taylor@Example.COM "));

    [Fact]
    public void A_team_does_not_serve_an_archived_department()
    {
        var shoes = new Department { Name = "Footwear" };
        var old = new Department { Name = "Old", IsArchived = true };
        var team = new Team { Name = "Fashion", Departments = [shoes, old] };

        Assert.True(team.Serves(shoes.Id));
        Assert.False(team.Serves(old.Id));
        Assert.False(team.Serves(Guid.NewGuid()));
    }

    [Fact]
    public void An_invitation_is_usable_until_it_expires_or_is_accepted()
    {
        var created = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var invitation = new StaffInvitation { TokenHash = "x", CreatedAt = created, ExpiresAt = created + StaffInvitation.Lifetime };

        Assert.True(invitation.IsUsableAt(created.AddDays(6)));
        Assert.False(invitation.IsUsableAt(created.AddDays(7)));
        invitation.AcceptedAt = created.AddHours(1);
        Assert.False(invitation.IsUsableAt(created.AddHours(2)));
    }

    [Fact]
    public void An_address_reads_as_one_line()
    {
        var address = new Address { Line1 = "310 Oxford Street", City = "London", PostalCode = "W1C 1DX", CountryCode = "GB" };

        Assert.Equal("310 Oxford Street, W1C 1DX London, GB", address.ToString());
    }

    private static StaffMember Person(StaffStatus status, StaffRoles roles = StaffRoles.Expert, DashboardAccess access = DashboardAccess.None) =>
        new() { DisplayName = "Sam", Email = "sam@example.com", Status = status, Roles = roles, Access = access };
}
