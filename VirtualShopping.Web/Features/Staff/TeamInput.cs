using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Web.Features.Staff;

/// <summary>What a manager sends to create or edit a team.</summary>
public sealed class TeamInput
{
    public string Name { get; set; } = string.Empty;

    public Guid StoreId { get; set; }

    public List<Guid> DepartmentIds { get; set; } = [];

    public List<Guid> MemberIds { get; set; } = [];

    public Guid? ConcurrencyStamp { get; set; }

    public static TeamInput From(Team team) => new()
    {
        Name = team.Name,
        StoreId = team.StoreId,
        DepartmentIds = team.Departments.Select(d => d.Id).ToList(),
        MemberIds = team.Members.Select(m => m.Id).ToList(),
        ConcurrencyStamp = team.ConcurrencyStamp,
    };
}
