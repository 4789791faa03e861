namespace VirtualShopping.Web.Features.Reports;

/// <summary>Everything the Team performance page shows for a filter, read from the rollups.</summary>
public sealed record TeamReport(TeamTotals Totals, IReadOnlyList<ExpertPerformance> Experts, IReadOnlyList<TeamPeriodFigures> Series)
{
    public bool IsEmpty => Experts.Count == 0 && Totals.MissedChats == 0;
}
