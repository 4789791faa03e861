namespace VirtualShopping.Infrastructure.Tenancy;

/// <summary>Claim types VirtualShopping adds to a signed-in principal.</summary>
public static class VirtualShoppingClaims
{
    public const string MerchantId = "vs_merchant";
    public const string StaffMemberId = "vs_staff";
    public const string Access = "vs_access";
    public const string MerchantName = "vs_merchant_name";
}
