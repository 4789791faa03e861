namespace VirtualShopping.Web.Features.LeftMessages;

/// <summary>The left-message form: for a missed chat (its id) or out of hours (the need), name, email and/or phone, text.</summary>
public sealed record LeaveMessageInput(Guid? ChatId, Guid? DepartmentId, string? Name, string? Email, string? Phone, string? Text, string? Language, string? PageUrl);
