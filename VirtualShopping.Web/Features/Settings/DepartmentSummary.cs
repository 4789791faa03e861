namespace VirtualShopping.Web.Features.Settings;

/// <summary>One row of the departments list, in needs-selector order.</summary>
public sealed record DepartmentSummary(Guid Id, string Name, int SortOrder, bool IsArchived, IReadOnlyList<string> Teams, int LabelledLanguages);
