using VirtualShopping.Domain.Staff;

namespace VirtualShopping.Domain.Chats;

/// <summary>
/// A staff member working with chats, as the chat rules need them: their roles, and the stores they belong to
/// (a store manager sees and handles the chats of these stores).
/// </summary>
public sealed record ChatStaff(Guid Id, string Name, StaffRoles Roles, IReadOnlyCollection<Guid> StoreIds)
{
    /// <summary>HQ admins and support staff see and handle every chat of the merchant.</summary>
    public bool SeesWholeMerchant => Roles.HasFlag(StaffRoles.HqAdmin) || Roles.HasFlag(StaffRoles.Support);

    public bool IsStoreManager => Roles.HasFlag(StaffRoles.StoreManager);

    public bool IsExpert => Roles.HasFlag(StaffRoles.Expert);

    /// <summary>Whether the person sees other people's chats at all (the Waiting view, the team panel).</summary>
    public bool Supervises => SeesWholeMerchant || IsStoreManager;
}
