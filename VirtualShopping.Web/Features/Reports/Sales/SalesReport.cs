namespace VirtualShopping.Web.Features.Reports;

/// <summary>One row of a sales table: what it is about (an expert, store, team or department) and its figures.</summary>
public sealed record SalesRow(Guid Id, string Name, SalesFigures Figures);

/// <summary>One period of the sales series: its first local day and its figures.</summary>
public sealed record SalesPeriod(DateOnly Start, SalesFigures Figures);

/// <summary>The sales report of one filter within one scope, as the page, its CSVs and its tests read it.</summary>
public sealed record SalesReport(
    ReportFilter Filter,
    string Currency,
    int AttributionWindowDays,
    SalesFigures Total,
    IReadOnlyList<SalesPeriod> Periods,
    IReadOnlyList<SalesRow> Experts,
    IReadOnlyList<SalesRow> Stores,
    IReadOnlyList<SalesRow> Teams,
    IReadOnlyList<SalesRow> Departments)
{
    public bool IsEmpty => Total.IsEmpty;
}
