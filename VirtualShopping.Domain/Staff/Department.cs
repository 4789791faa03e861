using VirtualShopping.Domain.Audit;
using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Staff;

/// <summary>A need the shopper can pick in the needs selector (e.g. "Menswear", "Customer Service").</summary>
public sealed class Department : ITenantOwned, IConcurrencyStamped, IAudited
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public required string Name { get; set; }

    /// <summary>Position in the needs selector, lowest first.</summary>
    public int SortOrder { get; set; }

    /// <summary>Archived departments keep their history but are no longer offered to shoppers.</summary>
    public bool IsArchived { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public string AuditLabel => Name;

    public List<Team> Teams { get; set; } = [];

    /// <summary>Needs-selector labels per language; the name is used where a language has none.</summary>
    public List<DepartmentLabel> Labels { get; set; } = [];

    public string LabelFor(string language) =>
        Labels.FirstOrDefault(l => l.Language == language)?.Label is { Length: > 0 } label ? label : Name;
}
