namespace VirtualShopping.Web.Features.Chats;

/// <summary>A page of the inbox list and how many rows match in all.</summary>
public sealed record InboxPage(IReadOnlyList<InboxRow> Rows, int Total);
