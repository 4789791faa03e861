namespace VirtualShopping.Web.Features.Chats;

/// <summary>A saved reply an expert can insert with "/": merchant-wide, or their own personal one.</summary>
public sealed record SavedReplyChoice(Guid Id, string Title, string Shortcut, string Language, string Text, bool Personal);
