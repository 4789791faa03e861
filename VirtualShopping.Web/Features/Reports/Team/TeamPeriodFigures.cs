namespace VirtualShopping.Web.Features.Reports;

/// <summary>One period (day, week or month, by its first day) of the team performance series.</summary>
public sealed record TeamPeriodFigures(DateOnly Period, int Offered, int Claimed, int MissedChats, int Declined);
