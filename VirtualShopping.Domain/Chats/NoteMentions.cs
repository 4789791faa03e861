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
        if (string.IsNullOrEmpty(text) || !text.Contains('@', StringComparison.Ordinal))
        {
            return [];
        }

        var candidates = teammates.Where(t => !string.IsNullOrWhiteSpace(t.Name)).OrderByDescending(t => t.Name.Length).ToList();
        var found = new List<Guid>();
        for (var at = text.IndexOf('@', StringComparison.Ordinal); at >= 0; at = text.IndexOf('@', at + 1))
        {
            if (at > 0 && IsWordCharacter(text[at - 1]))
            {
                continue;
            }

            var start = at + 1;
            foreach (var (id, name) in candidates)
            {
                var end = start + name.Length;
                if (end <= text.Length
                    && string.Compare(text, start, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (end == text.Length || !IsWordCharacter(text[end])))
                {
                    if (!found.Contains(id))
                    {
                        found.Add(id);
                    }

                    break;
                }
            }
        }

        return found;
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
