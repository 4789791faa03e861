namespace VirtualShopping.Web.Features.Staff;

/// <summary>One row of the teams list.</summary>
public sealed record TeamSummary(Guid Id, string Name, Guid StoreId, string StoreName, IReadOnlyList<string> Departments, int Members, bool IsActive);
