using System.Security.Cryptography;
using System.Text;

namespace VirtualShopping.Domain.Orders;

/// <summary>
/// Shopify's webhook signature: X-Shopify-Hmac-Sha256 is base64(HMAC-SHA256(app secret, the raw body bytes)). Checked
/// over the bytes as they arrived, before any parsing, in constant time.
/// </summary>
public static class ShopifySignature
{
    public static string Of(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    public static bool IsValid(string secret, ReadOnlySpan<byte> body, string? header)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (string.IsNullOrWhiteSpace(header) || header.Length > 100)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[75];
        if (!Convert.TryFromBase64String(header.Trim(), given, out var written) || written != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given[..written]);
    }
}
