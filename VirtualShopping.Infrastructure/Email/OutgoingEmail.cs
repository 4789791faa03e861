namespace VirtualShopping.Infrastructure.Email;

/// <summary>An email to send: one recipient, a subject, plain-text and optional HTML bodies, and optional attachments.</summary>
public sealed record OutgoingEmail(string ToAddress, string ToName, string Subject, string TextBody, string? HtmlBody = null, IReadOnlyList<EmailAttachment>? Attachments = null);
