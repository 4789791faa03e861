using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Web.Features.Settings;

/// <summary>A department as edited in the dashboard: its name, labels per language and the teams that serve it.</summary>
public sealed class DepartmentInput
{
    public string Name { get; set; } = string.Empty;

    /// <summary>Language code → needs-selector label; empty labels fall back to the name.</summary>
    public Dictionary<string, string> Labels { get; set; } = [];

    public List<Guid> TeamIds { get; set; } = [];

    public Guid? ConcurrencyStamp { get; set; }

    public static DepartmentInput From(Department department) => new()
    {
        Name = department.Name,
        Labels = department.Labels.ToDictionary(l => l.Language, l => l.Label),
        TeamIds = department.Teams.Select(t => t.Id).ToList(),
        ConcurrencyStamp = department.ConcurrencyStamp,
    };
}
