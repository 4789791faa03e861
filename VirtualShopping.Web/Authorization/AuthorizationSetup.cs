using Microsoft.AspNetCore.Authorization;
using VirtualShopping.Domain.Staff;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Authorization;

internal static class AuthorizationSetup
{
    public static void AddVirtualShoppingPolicies(this AuthorizationOptions options, string[] expertSchemes)
    {
        options.AddPolicy(Policies.Expert, p => p.AddAuthenticationSchemes(expertSchemes).RequireAuthenticatedUser()
            .RequireClaim(VirtualShoppingClaims.MerchantId).RequireRole(nameof(StaffRoles.Expert)));
        options.AddPolicy(Policies.Shopper, p => p.AddAuthenticationSchemes(Features.Chats.ShopperSession.Scheme).RequireAuthenticatedUser()
            .RequireClaim(Features.Chats.ShopperSession.ShopperIdClaim));
        options.AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireClaim(VirtualShoppingClaims.MerchantId));
        options.AddPolicy(Policies.HqAdmin, p => p.RequireAuthenticatedUser().RequireClaim(VirtualShoppingClaims.MerchantId).RequireRole(nameof(StaffRoles.HqAdmin)));
        options.AddPolicy(Policies.ManageStores, p => p.RequireAuthenticatedUser().RequireClaim(VirtualShoppingClaims.MerchantId)
            .RequireAssertion(c => c.User.HasRole(StaffRoles.HqAdmin) || c.User.HasRole(StaffRoles.Support) || c.User.HasAccess(DashboardAccess.ManageStore)));
        options.AddPolicy(Policies.ManageTeam, p => p.RequireAuthenticatedUser().RequireClaim(VirtualShoppingClaims.MerchantId)
            .RequireAssertion(c => c.User.HasRole(StaffRoles.HqAdmin) || c.User.HasRole(StaffRoles.StoreManager) || c.User.HasAccess(DashboardAccess.ManageTeam)));
        options.AddPolicy(Policies.Inbox, p => p.RequireAuthenticatedUser().RequireClaim(VirtualShoppingClaims.MerchantId)
            .RequireAssertion(c => c.User.HasRole(StaffRoles.Expert) || c.User.HasRole(StaffRoles.HqAdmin) || c.User.HasRole(StaffRoles.StoreManager) || c.User.HasRole(StaffRoles.Support)));
        options.AddPolicy(Policies.SuperviseChats, p => p.RequireAuthenticatedUser().RequireClaim(VirtualShoppingClaims.MerchantId)
            .RequireAssertion(c => c.User.HasRole(StaffRoles.HqAdmin) || c.User.HasRole(StaffRoles.StoreManager) || c.User.HasRole(StaffRoles.Support)));
        options.AddPolicy(Policies.Settings, p => p.RequireAuthenticatedUser().RequireClaim(VirtualShoppingClaims.MerchantId)
            .RequireAssertion(c => c.User.HasAccess(DashboardAccess.Settings)));
        options.AddPolicy(Policies.Analytics, p => p.RequireAuthenticatedUser().RequireClaim(VirtualShoppingClaims.MerchantId)
            .RequireAssertion(c => c.User.HasAccess(DashboardAccess.Analytics)));
        options.AddPolicy(Policies.Reports, p => p.RequireAuthenticatedUser().RequireClaim(VirtualShoppingClaims.MerchantId)
            .RequireAssertion(c => c.User.HasAccess(DashboardAccess.Analytics) || c.User.HasRole(StaffRoles.StoreManager)));
        options.AddPolicy(Policies.OrderApi, p => p.AddAuthenticationSchemes(Features.Orders.MerchantApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser()
            .RequireClaim(VirtualShoppingClaims.MerchantId).RequireClaim(Features.Orders.MerchantApiKeyAuthenticationHandler.KeyIdClaim));
        options.FallbackPolicy = options.GetPolicy(Policies.Staff);
    }
}
