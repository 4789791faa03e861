namespace VirtualShopping.Web.Features.Chats;

/// <summary>Flags a chat as priority (true) or takes the flag off (false).</summary>
public sealed record PriorityInput(bool? Priority);
