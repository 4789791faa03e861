namespace VirtualShopping.Web.Features.Chats;

/// <summary>Decline, or decline and go unavailable.</summary>
public sealed record DeclineInput(bool GoUnavailable = false);
