namespace VirtualShopping.Web.Features.Stores;

public enum StoreSort
{
    Name,
    Code,
    City,
    Status,
}

/// <summary>Search, sort and page for the stores index.</summary>
public sealed record StoreQuery(
    string? Search = null,
    StoreSort SortBy = StoreSort.Name,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25,
    bool IncludeInactive = true);
