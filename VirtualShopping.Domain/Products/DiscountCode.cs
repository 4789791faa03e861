using VirtualShopping.Domain.Audit;
using VirtualShopping.Domain.Common;
using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Domain.Products;

/// <summary>
/// A discount code the merchant keeps for experts to send in a chat (e.g. SAVE10). The shopper copies it, or
/// applies it through <see cref="ApplyUrlPattern"/> when the shop has a URL that puts a code into the cart.
/// </summary>
public sealed class DiscountCode : ITenantOwned, IConcurrencyStamped, IAudited
{
    public const int MinCodeLength = 3;
    public const int MaxCodeLength = 40;
    public const int MaxDescriptionLength = 200;
    public const string CodePlaceholder = "{code}";

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    /// <summary>Upper case, 3–40 of A–Z, 0–9, '-' and '_' (see <see cref="Normalise"/>).</summary>
    public required string Code { get; set; }

    public required string Description { get; set; }

    /// <summary>The last day the code can be used, in the merchant's time zone; null for no end.</summary>
    public DateOnly? ValidUntil { get; set; }

    /// <summary>An absolute https URL with "{code}" exactly once, e.g. https://shop.example/discount/{code}.</summary>
    public string? ApplyUrlPattern { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the code was archived (deleted from the list); archived codes are never offered for sending.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public string AuditLabel => $"Discount code {Code}";

    /// <summary>The code as stored: trimmed and upper case.</summary>
    public static string Normalise(string? code) => (code ?? string.Empty).Trim().ToUpperInvariant();

    /// <summary>Whether the code, once normalised, is 3–40 of A–Z, 0–9, '-' and '_'.</summary>
    public static bool IsValidCode(string? code)
    {
        var normalised = Normalise(code);
        return normalised.Length is >= MinCodeLength and <= MaxCodeLength
            && normalised.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '-' or '_');
    }

    /// <summary>Whether a pattern is an absolute https URL that contains "{code}" exactly once.</summary>
    public static bool IsValidApplyUrlPattern(string? pattern)
    {
        if (pattern is null)
        {
            return false;
        }

        var first = pattern.IndexOf(CodePlaceholder, StringComparison.Ordinal);
        if (first < 0 || pattern.IndexOf(CodePlaceholder, first + 1, StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        return SafeUrl.IsHttps(pattern.Replace(CodePlaceholder, "CODE", StringComparison.Ordinal)) && pattern.Length <= SafeUrl.MaxLength;
    }

    /// <summary>The apply URL for a code (URL-encoded into the pattern), or null when there is no valid pattern.</summary>
    public static string? ApplyUrlFor(string? pattern, string code) =>
        IsValidApplyUrlPattern(pattern) ? pattern!.Replace(CodePlaceholder, Uri.EscapeDataString(code), StringComparison.Ordinal) : null;

    /// <summary>The link that applies this code, or null when the merchant gave no pattern.</summary>
    public string? ApplyUrlFor(string code) => ApplyUrlFor(ApplyUrlPattern, code);

    /// <summary>Not archived and not past its last day (<paramref name="merchantToday"/> is today in the merchant's time zone).</summary>
    public bool IsUsableOn(DateOnly merchantToday) => ArchivedAt is null && (ValidUntil is not { } last || merchantToday <= last);
}
