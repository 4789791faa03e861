namespace VirtualShopping.Web.Features.Chats;

/// <summary>An internal note; "@Name" mentions a teammate.</summary>
public sealed record NoteInput(string? Text);
