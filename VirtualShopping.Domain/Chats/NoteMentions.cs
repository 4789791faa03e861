using System.Text.Json;

namespace VirtualShopping.Domain.Chats;

/// <summary>
/// Who an internal note mentions: "@" followed by a teammate's display name, case-insensitive, the longest name
/// that fits ("@Anna Lee" mentions Anna Lee even when there is also an Anna). The "@" must start a word (an email
/// address in a note mentions nobody) and the name must end one. The mentioned ids are kept on the note as a JSON array.
/// </summary>
public static class NoteMentions
{
    /// <summary>The mentioned teammates' ids, once each, in the order they first appear.</summary>
    public static IReadOnlyList<Guid> Find(string? text, IEnumerable<(Guid Id, string Name)> teammates)
    {
        ArgumentNullException.ThrowIfNull(teammates);
        var team = teammates.ToList();
        return Spans(text, team.Select(t => t.Name).ToList()).Select(span => team[span.Name].Id).Distinct().ToList();
    }

    /// <summary>
    /// Where the text mentions one of the names, in order: the start of the "@", the length with the "@", and the
    /// index of the name in <paramref name="names"/> (for highlighting a note as for finding whom it mentions).
    /// </summary>
    public static IReadOnlyList<(int Start, int Length, int Name)> Spans(string? text, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (string.IsNullOrEmpty(text) || !text.Contains('@', StringComparison.Ordinal))
        {
            return [];
        }

        var candidates = Enumerable.Range(0, names.Count).Where(i => !string.IsNullOrWhiteSpace(names[i]))
            .OrderByDescending(i => names[i].Length).ToList();
        var spans = new List<(int, int, int)>();
        for (var at = text.IndexOf('@', StringComparison.Ordinal); at >= 0; at = text.IndexOf('@', at + 1))
        {
            if (at > 0 && IsWordCharacter(text[at - 1]))
            {
                continue;
            }

            var start = at + 1;
            foreach (var index in candidates)
            {
                var name = names[index];
                var end = start + name.Length;
                if (end <= text.Length
                    && string.Compare(text, start, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (end == text.Length || !IsWordCharacter(text[end])))
                {
                    spans.Add((at, name.Length + 1, index));
                    at = end - 1;
                    break;
                }
            }
        }

        return spans;
    }

    /// <summary>The ids as stored in <see cref="ChatMessage.Data"/> of a note.</summary>
    public static string ToData(IReadOnlyCollection<Guid> mentioned) => JsonSerializer.Serialize(mentioned);

    /// <summary>The ids stored on a note (none for anything unreadable).</summary>
    public static IReadOnlyList<Guid> FromData(string? data)
    {
        if (string.IsNullOrWhiteSpace(data))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<Guid>>(data) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';
}
