namespace VirtualShopping.Infrastructure.Email;

/// <summary>A file attached to an email, e.g. a report's CSV.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);
