namespace VirtualShopping.Domain.Staff;

public enum StaffStatus
{
    /// <summary>Invited by an admin; has not set a password yet.</summary>
    Invited = 0,

    /// <summary>Joined with the merchant's invite code; waits for a store manager's approval.</summary>
    PendingApproval = 1,

    Active = 2,

    Deactivated = 3,

    /// <summary>Joined with the invite code but was turned down; they may join again.</summary>
    Rejected = 4,
}
