namespace VirtualShopping.Web.Features.Chats;

/// <summary>What an action in the conversation pane did: whether the chat left this person's hands, and whom a reassignment waits for.</summary>
public sealed record ConversationChange(bool Left = false, string? WaitingFor = null);
