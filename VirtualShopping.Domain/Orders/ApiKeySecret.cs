using System.Security.Cryptography;
using System.Text;

namespace VirtualShopping.Domain.Orders;

/// <summary>
/// The shape of a merchant API key: <c>vsk_{prefix}_{secret}</c>, a 10-character prefix that finds the row (and is
/// shown on the Integrations page) and a 40-character secret from 62 letters and digits (238 bits, from
/// <see cref="RandomNumberGenerator"/>). Only the SHA-256 of the whole key is stored; a key is checked against it in
/// constant time.
/// </summary>
public static class ApiKeySecret
{
    public const string Marker = "vsk";
    public const int PrefixLength = 10;
    public const int SecretLength = 40;
    public const int KeyLength = 3 + 1 + PrefixLength + 1 + SecretLength;

    private const string PrefixAlphabet = "abcdefghijkmnopqrstuvwxyz23456789";
    private const string SecretAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>A new key: the whole key (shown once), its prefix and the hash to store.</summary>
    public static (string Key, string Prefix, string Hash) Generate()
    {
        var prefix = RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength);
        var key = $"{Marker}_{prefix}_{RandomNumberGenerator.GetString(SecretAlphabet, SecretLength)}";
        return (key, prefix, HashOf(key));
    }

    /// <summary>The prefix of a well-formed key, or null (so a malformed key costs no query).</summary>
    public static string? PrefixOf(string? key)
    {
        if (key is not { Length: KeyLength } || !key.StartsWith(Marker + "_", StringComparison.Ordinal) || key[4 + PrefixLength] != '_')
        {
            return null;
        }

        var prefix = key.Substring(4, PrefixLength);
        var secret = key[(5 + PrefixLength)..];
        return prefix.All(PrefixAlphabet.Contains) && secret.All(SecretAlphabet.Contains) ? prefix : null;
    }

    /// <summary>SHA-256 of the whole key, hex, lower case.</summary>
    public static string HashOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>Whether a key hashes to the stored hash, compared in constant time.</summary>
    public static bool Matches(string key, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(storedHash);
        var given = Encoding.ASCII.GetBytes(HashOf(key));
        var stored = Encoding.ASCII.GetBytes(storedHash);
        return CryptographicOperations.FixedTimeEquals(given, stored);
    }
}
