namespace VirtualShopping.Web.Features.Chats;

/// <summary>Why the shopper is blocked (required; shown on the Blocked list).</summary>
public sealed record BlockInput(string? Reason);
