namespace VirtualShopping.Domain.Staff;

/// <summary>What a person does for the merchant; one person can hold several roles.</summary>
[Flags]
public enum StaffRoles
{
    None = 0,
    HqAdmin = 1,
    StoreManager = 2,
    Expert = 4,
    Support = 8,
}
