using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Issues and reads the signed (and encrypted) shopper session tokens with ASP.NET Data Protection, whose
/// keys live in the database, so every app instance reads every other's tokens. A token names the merchant
/// and the shopper and expires after <see cref="Lifetime"/>.
/// </summary>
public sealed class ShopperSessionTokens(IDataProtectionProvider protection)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("VirtualShopping.ShopperSession.v1").ToTimeLimitedDataProtector();

    public (string Token, DateTimeOffset ExpiresAt) Issue(Guid merchantId, Guid shopperId)
    {
        var expiresAt = DateTimeOffset.UtcNow.Add(Lifetime);
        return (protector.Protect($"{merchantId:N}.{shopperId:N}", expiresAt), expiresAt);
    }

    public (Guid MerchantId, Guid ShopperId)? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(token).Split('.');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var merchant) && Guid.TryParseExact(parts[1], "N", out var shopper)
                ? (merchant, shopper)
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
