namespace VirtualShopping.Infrastructure.Email;

/// <summary>An email to send: one recipient, a subject, and plain-text and optional HTML bodies.</summary>
public sealed record OutgoingEmail(string ToAddress, string ToName, string Subject, string TextBody, string? HtmlBody = null);
