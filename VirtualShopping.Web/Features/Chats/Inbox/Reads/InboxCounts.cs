namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The badges on the views: New = my offers; Mine = my chats with unread shopper messages; Waiting = unclaimed
/// chats I may see; Priority = waiting or active priority chats I may see; InProgress = active chats I may see.
/// Closed has no badge.
/// </summary>
public sealed record InboxCounts(int New, int Mine, int Waiting, int Priority, int InProgress);
