using System.Globalization;

namespace VirtualShopping.Web.Components.Shared;

/// <summary>"just now", "12 min ago", "3 h ago", "2 d ago": how long ago something happened, for lists.</summary>
public static class TimeAgo
{
    public static string Of(DateTimeOffset at, DateTimeOffset now)
    {
        var span = now - at;
        return span.TotalMinutes < 1 ? "just now"
            : span.TotalHours < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min ago")
            : span.TotalDays < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h ago")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} d ago");
    }
}
