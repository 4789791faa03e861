namespace VirtualShopping.Web.Components.Shared;

/// <summary>One page of a list plus the total count across all pages.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);
