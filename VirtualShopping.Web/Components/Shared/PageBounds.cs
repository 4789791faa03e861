namespace VirtualShopping.Web.Components.Shared;

/// <summary>
/// The limits of a page asked for through the API: pages count from 0, a page holds 1 to
/// <see cref="MaxPageSize"/> rows, and the first row of the page (page × pageSize) stays within an int.
/// </summary>
public static class PageBounds
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    /// <summary>Field errors for a page out of bounds, or null when it is fine.</summary>
    public static Dictionary<string, string[]>? Problems(int? page, int? pageSize)
    {
        var problems = new Dictionary<string, string[]>();
        var size = pageSize ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            problems["pageSize"] = [$"A page holds 1 to {MaxPageSize} rows."];
        }
        else if (page is < 0)
        {
            problems["page"] = ["Pages count from 0."];
        }
        else if (page is { } p && (long)p * size > int.MaxValue - size)
        {
            problems["page"] = [$"With {size} rows a page, the last page is {(int.MaxValue / size) - 1}."];
        }

        return problems.Count > 0 ? problems : null;
    }
}
