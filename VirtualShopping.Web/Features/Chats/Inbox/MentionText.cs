namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Splits a note's text into plain parts and "@Name" mentions of teammates (display name, case-insensitive, the
/// longest name wins), so the inbox can highlight whom a note mentions.
/// </summary>
public static class MentionText
{
    public static IReadOnlyList<(string Text, bool Mention)> Split(string text, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(text);
        var candidates = names.Where(n => !string.IsNullOrWhiteSpace(n)).OrderByDescending(n => n.Length).ToList();
        var parts = new List<(string, bool)>();
        var start = 0;
        var i = text.IndexOf('@', StringComparison.Ordinal);
        while (i >= 0)
        {
            var name = candidates.FirstOrDefault(n => string.Compare(text, i + 1, n, 0, n.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (i + 1 + n.Length == text.Length || !char.IsLetterOrDigit(text[i + 1 + n.Length])));
            if (name is not null && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))
            {
                if (i > start)
                {
                    parts.Add((text[start..i], false));
                }

                parts.Add((text.Substring(i, name.Length + 1), true));
                start = i + name.Length + 1;
            }

            i = text.IndexOf('@', Math.Max(i + 1, start));
        }

        if (start < text.Length)
        {
            parts.Add((text[start..], false));
        }

        return parts;
    }
}
