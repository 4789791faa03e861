using VirtualShopping.Domain.Audit;
using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Settings;

/// <summary>A merchant-wide template experts insert in a chat by its shortcut (e.g. "/returns").</summary>
public sealed class SavedReply : ITenantOwned, IConcurrencyStamped, IAudited
{
    public const int MaxTextLength = 1000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public required string Title { get; set; }

    /// <summary>Starts with "/", then letters, digits or hyphens; unique per language.</summary>
    public required string Shortcut { get; set; }

    public string Language { get; set; } = "en";

    public required string Text { get; set; }

    /// <summary>The expert who owns a personal saved reply; null for a merchant-wide one.</summary>
    public Guid? StaffMemberId { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public string AuditLabel => $"Saved reply {Shortcut} ({Language})";

    public static bool IsValidShortcut(string? shortcut) =>
        shortcut is { Length: >= 2 and <= 32 } && shortcut[0] == '/' && shortcut[1..].All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
