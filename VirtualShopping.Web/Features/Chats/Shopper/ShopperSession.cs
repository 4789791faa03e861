using System.Security.Claims;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>The claims of an anonymous shopper's session: which merchant's site, and which shopper.</summary>
public static class ShopperSession
{
    public const string Scheme = "Shopper";
    public const string ShopperIdClaim = "vs_shopper";
    public const string MerchantIdClaim = "vs_shopper_merchant";

    public static ClaimsPrincipal Principal(Guid merchantId, Guid shopperId) =>
        new(new ClaimsIdentity([new Claim(ShopperIdClaim, shopperId.ToString()), new Claim(MerchantIdClaim, merchantId.ToString())], Scheme));

    /// <summary>The token of an "Authorization: Bearer …" header, or null.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    public static (Guid MerchantId, Guid ShopperId)? From(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirst(MerchantIdClaim)?.Value, out var merchant) && Guid.TryParse(user.FindFirst(ShopperIdClaim)?.Value, out var shopper)
            ? (merchant, shopper)
            : null;
}
