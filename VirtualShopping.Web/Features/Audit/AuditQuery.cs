namespace VirtualShopping.Web.Features.Audit;

/// <summary>Filters for the audit log: free text, kind of row, who, and a date range (inclusive, UTC days).</summary>
public sealed record AuditQuery(
    string? Search = null,
    string? EntityType = null,
    string? Actor = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Page = 0,
    int PageSize = 50);
