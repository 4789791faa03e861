using System.Security.Cryptography;
using System.Text;

namespace VirtualShopping.Web.Features.Staff;

/// <summary>One-time invitation tokens: random, URL-safe, stored only as a SHA-256 hash.</summary>
public static class InvitationToken
{
    public static string Create() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
