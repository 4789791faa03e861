namespace VirtualShopping.Web.Features.Staff;

/// <summary>An option in a picker: an id and what people read.</summary>
public sealed record Choice(Guid Id, string Name);

/// <summary>What the staff and team dialogs let people choose from.</summary>
public sealed record StaffChoices(IReadOnlyList<Choice> Stores, IReadOnlyList<Choice> Teams, IReadOnlyList<Choice> Departments, IReadOnlyList<Choice> People);
