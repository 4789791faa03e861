namespace VirtualShopping.Web.Features.Chats;

/// <summary>The Store App's sign-in: email and password, or a refresh token.</summary>
public sealed record TokenRequest(string? Email, string? Password, string? RefreshToken = null);
