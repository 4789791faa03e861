namespace VirtualShopping.Domain.Reports;

/// <summary>How a report's series is grouped.</summary>
public enum ReportPeriod
{
    Day = 0,
    Week = 1,
    Month = 2,
}
