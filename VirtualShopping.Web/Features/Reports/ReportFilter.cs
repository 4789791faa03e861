using System.Globalization;
using VirtualShopping.Domain.Reports;

namespace VirtualShopping.Web.Features.Reports;

/// <summary>
/// What a report shows: local days (merchant time zone) from <see cref="From"/> to <see cref="To"/>, grouped by
/// <see cref="Period"/>, optionally narrowed to one store, team, department or expert. It round-trips through the
/// page's query string (from, to, period, store, team, department, expert), so a filtered report can be linked to and
/// its CSV downloads carry the same filter.
/// </summary>
public sealed record ReportFilter(
    DateOnly From,
    DateOnly To,
    ReportPeriod Period = ReportPeriod.Day,
    Guid? StoreId = null,
    Guid? TeamId = null,
    Guid? DepartmentId = null,
    Guid? StaffMemberId = null)
{
    public const int DefaultDays = 30;

    public static ReportFilter Default(DateOnly today) => new(today.AddDays(1 - DefaultDays), today);

    public ReportRange RangeIn(TimeZoneInfo timeZone) => new(From, To, timeZone);

    public string ToQuery()
    {
        var parts = new List<string>
        {
            "from=" + From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "to=" + To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "period=" + Period.ToString().ToLowerInvariant(),
        };
        Add(parts, "store", StoreId);
        Add(parts, "team", TeamId);
        Add(parts, "department", DepartmentId);
        Add(parts, "expert", StaffMemberId);
        return string.Join('&', parts);
    }

    /// <summary>
    /// Reads a filter from query values; a missing value takes its default (the last 30 days by day). Each malformed
    /// value is named in <paramref name="errors"/> (field → reason) and the filter is null then.
    /// </summary>
    public static ReportFilter? Parse(
        string? from, string? to, string? period, string? store, string? team, string? department, string? expert,
        DateOnly today, out Dictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var defaults = Default(today);
        var start = Day(from, "from", defaults.From, errors);
        var end = Day(to, "to", defaults.To, errors);
        var grouping = ReportPeriod.Day;
        if (!string.IsNullOrWhiteSpace(period) && (!Enum.TryParse(period, ignoreCase: true, out grouping) || !Enum.IsDefined(grouping) || int.TryParse(period, out _)))
        {
            errors["period"] = ["Use day, week or month."];
        }

        var filter = new ReportFilter(start, end, grouping, Id(store, "store", errors), Id(team, "team", errors), Id(department, "department", errors), Id(expert, "expert", errors));
        if (!errors.ContainsKey("from") && !errors.ContainsKey("to") && ReportRange.Problem(start, end) is { } problem)
        {
            errors["to"] = [problem];
        }

        return errors.Count == 0 ? filter : null;
    }

    private static DateOnly Day(string? value, string field, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = ["Use a date written yyyy-mm-dd, e.g. 2026-11-01."];
        return fallback;
    }

    private static Guid? Id(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Guid.TryParse(value.Trim(), out var id))
        {
            return id;
        }

        errors[field] = ["Use the id of one from the list."];
        return null;
    }

    private static void Add(List<string> parts, string name, Guid? id)
    {
        if (id is { } value)
        {
            parts.Add(name + "=" + value.ToString("D"));
        }
    }
}
