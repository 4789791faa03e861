namespace VirtualShopping.Web.Features.Staff;

/// <summary>What an expert types to join their retailer with its invite code.</summary>
public sealed class JoinInput
{
    public string InviteCode { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string? EmployeeId { get; set; }

    public string Password { get; set; } = string.Empty;

    public string ConfirmPassword { get; set; } = string.Empty;
}
