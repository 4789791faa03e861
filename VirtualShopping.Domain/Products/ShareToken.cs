using System.Security.Cryptography;

namespace VirtualShopping.Domain.Products;

/// <summary>The token of a share link (/p/{token}): 12 random letters and digits (71 bits), short enough for a text message.</summary>
public static class ShareToken
{
    public const int Length = 12;

    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Whether a text could be a token at all (so a guess of the wrong shape costs no query).</summary>
    public static bool IsWellFormed(string? token) => token is { Length: Length } && token.All(Alphabet.Contains);
}
