using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Tests.Domain;

/// <summary><see cref="Team.Serves"/>: which departments a team takes chats for.</summary>
public sealed class TeamTests
{
    [Fact]
    public void A_team_serves_its_departments_but_not_archived_or_unknown_ones()
    {
        var footwear = new Department { Name = "Footwear" };
        var old = new Department { Name = "Old range", IsArchived = true };
        var team = new Team { Name = "Fashion", Departments = [footwear, old] };

        Assert.True(team.Serves(footwear.Id));
        Assert.False(team.Serves(old.Id));
        Assert.False(team.Serves(Guid.NewGuid()));
    }

    [Fact]
    public void Archiving_a_department_stops_the_team_serving_it_and_restoring_it_resumes()
    {
        var menswear = new Department { Name = "Menswear" };
        var team = new Team { Name = "Fashion", Departments = [menswear] };

        menswear.IsArchived = true;
        Assert.False(team.Serves(menswear.Id));

        menswear.IsArchived = false;
        Assert.True(team.Serves(menswear.Id));
    }

    [Fact]
    public void A_team_without_departments_serves_nothing()
    {
        var department = new Department { Name = "Customer Service" };
        var team = new Team { Name = "New team" };

        Assert.False(team.Serves(department.Id));
    }
}
