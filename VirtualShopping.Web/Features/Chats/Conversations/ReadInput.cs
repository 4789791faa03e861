namespace VirtualShopping.Web.Features.Chats;

/// <summary>The number of the last message the caller has seen.</summary>
public sealed record ReadInput(int? Sequence);
