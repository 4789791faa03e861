namespace VirtualShopping.Domain.Settings;

/// <summary>Display-rule URL patterns: case-insensitive, '*' matches any run of characters, e.g. "*/checkout*".</summary>
public static class UrlPattern
{
    public static bool Matches(string pattern, string url) => Matches(pattern.AsSpan(), url.AsSpan());

    public static bool IsValid(string pattern) =>
        SafeUrl.HasOnlySafeCharacters(pattern) && pattern.Length <= 300 && pattern.Trim('*').Length > 0;

    private static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        // Greedy wildcard match with backtracking to the last star: linear in practice, no regex.
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
