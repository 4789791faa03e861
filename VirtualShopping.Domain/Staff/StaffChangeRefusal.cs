namespace VirtualShopping.Domain.Staff;

/// <summary>Why a staff change is refused, which field it concerns, and what to tell the person.</summary>
public sealed record StaffChangeRefusal(StaffChangeRefusalKind Kind, string Field, string Message);

public enum StaffChangeRefusalKind
{
    /// <summary>The person asking lacks the rights for this change.</summary>
    NotAllowed,

    /// <summary>The change would leave the merchant without an active HQ admin.</summary>
    LastHqAdmin,
}
