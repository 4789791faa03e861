using VirtualShopping.Domain.Audit;
using VirtualShopping.Domain.Common;
using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Domain.Staff;

/// <summary>A person working for the merchant: HQ admin, store manager, expert or support.</summary>
public sealed class StaffMember : ITenantOwned, IConcurrencyStamped, IAudited
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public required string DisplayName { get; set; }

    public required string Email { get; set; }

    public string? EmployeeId { get; set; }

    public StaffRoles Roles { get; set; }

    /// <summary>Dashboard access granted on top of the role; HQ admins always have all of it.</summary>
    public DashboardAccess Access { get; set; }

    public StaffStatus Status { get; set; } = StaffStatus.Active;

    /// <summary>Whether the expert has set themselves available for chats in the Store App.</summary>
    public bool IsAvailable { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Languages the person chats in (ISO 639-1); language routing prefers them for shoppers who write in one.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>Offers declined in a row; the third makes the expert unavailable. Maintained by routing only.</summary>
    public int ConsecutiveDeclines { get; set; }

    /// <summary>Offers left to run out in a row; the third makes the expert unavailable. Maintained by routing only.</summary>
    public int ConsecutiveMissedOffers { get; set; }

    /// <summary>Offers ever made to this expert, for the claim score.</summary>
    public int OffersReceived { get; set; }

    /// <summary>Offers this expert claimed, for the claim score.</summary>
    public int OffersClaimed { get; set; }

    /// <summary>Total time from offer to claim over all claims, in milliseconds, for the claim score.</summary>
    public long ClaimMillisecondsTotal { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public string AuditLabel => DisplayName;

    public List<Store> Stores { get; set; } = [];

    public List<Team> Teams { get; set; } = [];

    /// <summary>Emails are compared and stored trimmed and lower-case, so one person is one address.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public DashboardAccess EffectiveAccess =>
        Roles.HasFlag(StaffRoles.HqAdmin) ? DashboardAccess.All : Access;

    public bool CanSignIn => Status == StaffStatus.Active;

    /// <summary>A store manager (or HQ admin) approves an expert who joined with the invite code.</summary>
    public RuleResult Approve()
    {
        if (Status != StaffStatus.PendingApproval)
        {
            return RuleResult.Fail("Only people waiting for approval can be approved.");
        }

        Status = StaffStatus.Active;
        return RuleResult.Ok;
    }

    /// <summary>
    /// Takes away an active person's access. Pending requests are rejected instead, and invitations
    /// simply expire, so reactivating can never skip an approval or an accepted invitation.
    /// </summary>
    public RuleResult Deactivate()
    {
        if (Status is not (StaffStatus.Active or StaffStatus.Deactivated))
        {
            return RuleResult.Fail(Status == StaffStatus.PendingApproval
                ? "People waiting for approval are rejected, not deactivated."
                : "Only active people can be deactivated; an unused invitation expires by itself.");
        }

        Status = StaffStatus.Deactivated;
        IsAvailable = false;
        return RuleResult.Ok;
    }

    /// <summary>A store manager turns down someone who joined with the invite code.</summary>
    public RuleResult Reject()
    {
        if (Status != StaffStatus.PendingApproval)
        {
            return RuleResult.Fail("Only people waiting for approval can be rejected.");
        }

        Status = StaffStatus.Rejected;
        IsAvailable = false;
        return RuleResult.Ok;
    }

    public RuleResult Reactivate()
    {
        if (Status != StaffStatus.Deactivated)
        {
            return RuleResult.Fail("Only deactivated people can be reactivated.");
        }

        Status = StaffStatus.Active;
        return RuleResult.Ok;
    }
}
