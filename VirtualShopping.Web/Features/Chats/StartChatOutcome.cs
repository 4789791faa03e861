namespace VirtualShopping.Web.Features.Chats;

/// <summary>A started chat, or the out-of-hours answer (no store serving the need is open), or field problems.</summary>
public sealed record StartChatOutcome(ChatView? Chat, string? OutOfHoursText, IReadOnlyDictionary<string, string[]> Problems)
{
    public bool OutOfHours => Chat is null && OutOfHoursText is not null;
}
