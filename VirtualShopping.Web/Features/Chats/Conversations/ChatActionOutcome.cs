namespace VirtualShopping.Web.Features.Chats;

/// <summary>The result of a chat action: a value, or a refusal with a message and the field it concerns.</summary>
public sealed record ChatActionOutcome<T>(T? Value, ChatProblemKind Problem = ChatProblemKind.None, string? Message = null, string? Field = null)
{
    public bool Succeeded => Problem == ChatProblemKind.None;

    public static ChatActionOutcome<T> Ok(T value) => new(value);

    public static ChatActionOutcome<T> Fail(ChatProblemKind problem, string message, string? field = null) => new(default, problem, message, field);
}
