namespace VirtualShopping.Web.Features.Chats;

/// <summary>A personal saved reply an expert adds for themselves.</summary>
public sealed record PersonalReplyInput(string? Title, string? Shortcut, string? Language, string? Text);
