using System.Security.Claims;

namespace VirtualShopping.Infrastructure.Tenancy;

/// <summary>
/// The scoped <see cref="ICurrentMerchant"/>: an explicit merchant (jobs, widget calls) wins,
/// then the user of the Blazor circuit, then the user of the HTTP request.
/// </summary>
public sealed class MerchantScope : ICurrentMerchant
{
    private readonly Func<ClaimsPrincipal?> requestUser;
    private Guid? explicitMerchant;
    private ClaimsPrincipal? circuitUser;

    public MerchantScope(Func<ClaimsPrincipal?> requestUser) => this.requestUser = requestUser;

    public Guid? MerchantId => explicitMerchant ?? MerchantOf(User);

    public Guid? ActorStaffId => Guid.TryParse(User?.FindFirst(VirtualShoppingClaims.StaffMemberId)?.Value, out var id) ? id : null;

    public string ActorName => User?.Identity?.IsAuthenticated == true && User.Identity.Name is { Length: > 0 } name ? name : "System";

    private ClaimsPrincipal? User => circuitUser ?? requestUser();

    /// <summary>For work done on behalf of a merchant without a signed-in user.</summary>
    public void Use(Guid merchantId) => explicitMerchant = merchantId;

    /// <summary>For a Blazor circuit, whose user is known from its authentication state, not from a request.</summary>
    public void UseCircuitUser(ClaimsPrincipal user) => circuitUser = user;

    public static Guid? MerchantOf(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirst(VirtualShoppingClaims.MerchantId)?.Value, out var id) ? id : null;
}
