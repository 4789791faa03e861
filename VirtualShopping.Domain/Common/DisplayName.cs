using System.Globalization;
using System.Text;

namespace VirtualShopping.Domain.Common;

/// <summary>
/// Names people read in lists, chats and emails (stores, staff, shoppers, departments, teams), cleaned the
/// way message texts are: control characters (NUL, line breaks, escapes) and invisible format characters
/// (direction overrides and isolates such as U+202E, marks such as U+200E/U+200F/U+061C, zero-width
/// spaces, byte-order marks) are removed, so "rtl\u202Eexe.txt" cannot pose as "rtltxt.exe"; whitespace
/// runs become one space and the ends are trimmed. The zero-width joiner stays: it holds emoji together.
/// </summary>
public static class DisplayName
{
    public static string Clean(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return string.Empty;
        }

        var cleaned = new StringBuilder(name.Length);
        var pendingSpace = false;
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (char.IsControl(c) || (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && c != '\u200D'))
            {
                continue;
            }

            if (pendingSpace && cleaned.Length > 0)
            {
                cleaned.Append(' ');
            }

            pendingSpace = false;
            cleaned.Append(c);
        }

        // A joiner joins only what stands on both sides of it.
        return cleaned.ToString().Trim('\u200D', ' ');
    }
}
