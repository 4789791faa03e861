namespace VirtualShopping.Domain.Notifications;

/// <summary>How often a person receives the expert performance report by email.</summary>
public enum ReportSchedule
{
    Off = 0,
    Weekly = 1,
    Monthly = 2,
}
