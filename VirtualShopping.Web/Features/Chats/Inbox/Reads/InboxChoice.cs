namespace VirtualShopping.Web.Features.Chats;

/// <summary>One option of a filter or picker.</summary>
public sealed record InboxChoice(Guid Id, string Name);
