using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Issues and reads the signed (and encrypted) shopper session tokens with ASP.NET Data Protection, whose
/// keys live in the database, so every app instance reads every other's tokens. A token names the merchant
/// and the shopper and expires after the merchant's cookie lifetime (On-site chat settings, "cookie TTL").
/// The expiry travels inside the protected payload and is checked against <see cref="TimeProvider"/>: the
/// framework's time-limited protector reads the system clock, which the app's clock (and tests) cannot move.
/// </summary>
public sealed class ShopperSessionTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector protector = protection.CreateProtector("VirtualShopping.ShopperSession.v2");

    /// <summary>A token for the merchant's shopper that lives the merchant's cookie TTL from now.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(IServiceProvider services, Guid merchantId, Guid shopperId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var db = await services.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync(cancellationToken);
        var days = await db.ChatSettings.IgnoreQueryFilters().Where(c => c.MerchantId == merchantId).Select(c => (int?)c.CookieTtlDays).FirstOrDefaultAsync(cancellationToken)
            ?? new ChatSettings().CookieTtlDays;
        return Issue(merchantId, shopperId, TimeSpan.FromDays(Math.Max(1, days)));
    }

    public (string Token, DateTimeOffset ExpiresAt) Issue(Guid merchantId, Guid shopperId, TimeSpan lifetime)
    {
        var expiresAt = clock.GetUtcNow().Add(lifetime);
        var payload = string.Create(CultureInfo.InvariantCulture, $"{merchantId:N}.{shopperId:N}.{expiresAt.ToUnixTimeSeconds()}");
        return (protector.Protect(payload), DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds()));
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
            return parts.Length == 3
                   && Guid.TryParseExact(parts[0], "N", out var merchant)
                   && Guid.TryParseExact(parts[1], "N", out var shopper)
                   && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                   && clock.GetUtcNow().ToUnixTimeSeconds() < expires
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
