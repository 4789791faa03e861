using System.Globalization;
using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>How the inbox words times, views and statuses.</summary>
public static class InboxTexts
{
    /// <summary>"45 s", "3:07", "1 h 05", "2 d": short enough for a list row, ticking every second under an hour.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalMinutes < 1 ? $"{(int)span.TotalSeconds} s"
            : span.TotalHours < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}:{span.Seconds:00}")
            : span.TotalDays < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes:00}")
            : $"{(int)span.TotalDays} d";
    }

    public static string ViewName(InboxFolder folder) => folder switch
    {
        InboxFolder.New => "New",
        InboxFolder.Mine => "Mine",
        InboxFolder.Waiting => "Waiting",
        InboxFolder.Priority => "Priority",
        InboxFolder.InProgress => "In progress",
        InboxFolder.Closed => "Closed",
        _ => folder.ToString(),
    };

    /// <summary>The view's name in the address bar (<c>?view=inprogress</c>).</summary>
    public static string ViewKey(InboxFolder folder) => folder.ToString().ToLowerInvariant();

    public static InboxFolder? ViewFromKey(string? key) =>
        Enum.TryParse<InboxFolder>(key, ignoreCase: true, out var folder) && Enum.IsDefined(folder) ? folder : null;

    public static string Empty(InboxFolder folder, bool isExpert) => folder switch
    {
        InboxFolder.New => isExpert ? "No offers right now. A new chat shows up here at once, with its countdown." : "Offers go to experts: you have none.",
        InboxFolder.Mine => "You have no chats in progress.",
        InboxFolder.Waiting => "No shopper is waiting.",
        InboxFolder.Priority => "No priority chats.",
        InboxFolder.InProgress => "No chats in progress.",
        InboxFolder.Closed => "No closed chats yet.",
        _ => "Nothing here.",
    };

    public static string Status(ChatStatus status) => status switch
    {
        ChatStatus.Waiting => "Waiting",
        ChatStatus.Active => "In progress",
        ChatStatus.Ended => "Ended",
        ChatStatus.Missed => "Missed",
        _ => status.ToString(),
    };

    /// <summary>Whole seconds left on an offer's countdown (never below zero).</summary>
    public static int SecondsLeft(DateTimeOffset expiresAt, DateTimeOffset now) =>
        Math.Max(0, (int)Math.Ceiling((expiresAt - now).TotalSeconds));
}
