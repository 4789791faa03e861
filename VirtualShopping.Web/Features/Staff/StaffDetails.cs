using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Web.Features.Staff;

/// <summary>A staff member as the API returns it.</summary>
public sealed record StaffDetails(Guid Id, StaffStatus Status, bool IsAvailable, StaffInput Staff)
{
    public static StaffDetails From(StaffMember member) => new(member.Id, member.Status, member.IsAvailable, StaffInput.From(member));
}
