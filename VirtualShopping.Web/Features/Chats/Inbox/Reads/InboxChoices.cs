namespace VirtualShopping.Web.Features.Chats;

/// <summary>What the inbox's filters and move/reassign pickers offer this staff member.</summary>
public sealed record InboxChoices(
    IReadOnlyList<InboxChoice> Departments,
    IReadOnlyList<InboxChoice> Stores,
    IReadOnlyList<InboxChoice> Assignees);
