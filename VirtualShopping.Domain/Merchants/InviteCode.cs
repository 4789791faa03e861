using System.Security.Cryptography;

namespace VirtualShopping.Domain.Merchants;

/// <summary>The 7-character code experts use to join a merchant.</summary>
public static class InviteCode
{
    public const int Length = 7;

    // No 0/O, 1/I/L: the code is read aloud in stores and typed on phones.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static string Normalize(string? code) => (code ?? string.Empty).Trim().ToUpperInvariant();

    public static bool IsWellFormed(string? code)
    {
        var normalized = Normalize(code);
        return normalized.Length == Length && normalized.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
    }
}
