using System.Security.Cryptography;
using System.Text;

namespace VirtualShopping.Domain.Orders;

/// <summary>
/// An email as attribution compares it: SHA-256 (hex, lower case) of the trimmed, lower-cased address. Orders keep only
/// this, never the address, so an order's email can be matched to a chat's without storing it twice.
/// </summary>
public static class ShopperEmailHash
{
    public const int Length = 64;

    public static string? Of(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()));
        return Convert.ToHexStringLower(bytes);
    }
}
