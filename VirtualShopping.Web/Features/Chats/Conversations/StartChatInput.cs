namespace VirtualShopping.Web.Features.Chats;

/// <summary>What a shopper sends to start a chat: the need (department), language and page, optionally their name and email.</summary>
public sealed record StartChatInput(Guid DepartmentId, string? Language, string? PageUrl, string? Name, string? Email);
