using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Splits a note's text into plain parts and "@Name" mentions of teammates, by the same rule that decides whom a
/// note mentions (<see cref="NoteMentions"/>), so the inbox highlights exactly those.
/// </summary>
public static class MentionText
{
    public static IReadOnlyList<(string Text, bool Mention)> Split(string text, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<(string, bool)>();
        var start = 0;
        foreach (var (at, length, _) in NoteMentions.Spans(text, names.ToList()))
        {
            if (at > start)
            {
                parts.Add((text[start..at], false));
            }

            parts.Add((text.Substring(at, length), true));
            start = at + length;
        }

        if (start < text.Length)
        {
            parts.Add((text[start..], false));
        }

        return parts;
    }
}
