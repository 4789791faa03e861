using Microsoft.AspNetCore.WebUtilities;

namespace VirtualShopping.Web.Features.Reports;

/// <summary>A report page's filter read from its address (<see cref="ReportFilter.Parse"/>), with the fields that were malformed.</summary>
public sealed record ReportQuery(ReportFilter? Filter, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyDictionary<string, string> Extra)
{
    public static ReportQuery Read(string uri, DateOnly today)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? Value(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        var filter = ReportFilter.Parse(Value("from"), Value("to"), Value("period"), Value("store"), Value("team"), Value("department"), Value("expert"), today, out var errors);
        var extra = query.Where(q => q.Key is not ("from" or "to" or "period" or "store" or "team" or "department" or "expert"))
            .ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        return new ReportQuery(filter, errors, extra);
    }

    /// <summary>The problems in words, e.g. "from: Use a date written yyyy-mm-dd".</summary>
    public string Problems => string.Join(" ", Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
}
