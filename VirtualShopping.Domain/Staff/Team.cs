using VirtualShopping.Domain.Audit;
using VirtualShopping.Domain.Common;
using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Domain.Staff;

/// <summary>A group of experts in one store that serves one or more departments.</summary>
public sealed class Team : ITenantOwned, IConcurrencyStamped, IAudited
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public Guid StoreId { get; set; }

    public Store? Store { get; set; }

    public required string Name { get; set; }

    public bool IsActive { get; set; } = true;

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public string AuditLabel => Name;

    public List<Department> Departments { get; set; } = [];

    public List<StaffMember> Members { get; set; } = [];

    public bool Serves(Guid departmentId) => Departments.Any(d => d.Id == departmentId && !d.IsArchived);
}
