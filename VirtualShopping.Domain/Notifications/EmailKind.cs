namespace VirtualShopping.Domain.Notifications;

/// <summary>The scheduled emails staff can receive.</summary>
public enum EmailKind
{
    MissedChats = 0,
    LeftMessages = 1,
    DailyDigest = 2,
    WeeklyDigest = 3,
    TeamDigest = 4,
    PerformanceReport = 5,
}
