namespace VirtualShopping.Web.Components.Shared;

/// <summary>Builds SQL LIKE patterns from search text, escaping the wildcards a person may type.</summary>
public static class LikePattern
{
    public const string Escape = "\\";

    public static string Containing(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
