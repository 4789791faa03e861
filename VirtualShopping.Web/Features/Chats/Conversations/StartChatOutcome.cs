namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// A started chat, or the out-of-hours answer (no store serving the need is open), or field problems, or the
/// shopper's chat that is still open (one open chat per shopper session).
/// </summary>
public sealed record StartChatOutcome(ChatView? Chat, string? OutOfHoursText, IReadOnlyDictionary<string, string[]> Problems, Guid? OpenChatId = null)
{
    public bool OutOfHours => Chat is null && OutOfHoursText is not null;
}
