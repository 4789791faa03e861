namespace VirtualShopping.Web.Features.Chats;

/// <summary>A message to send; the client's own id makes a retried send idempotent. Experts may send a saved reply instead of text.</summary>
public sealed record SendMessageInput(string? Text, string? ClientMessageId, Guid? SavedReplyId = null);
