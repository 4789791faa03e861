namespace VirtualShopping.Web.Features.Chats;

/// <summary>Turns chat outcomes into HTTP answers: RFC 7807 problem details for every refusal.</summary>
internal static class ChatResults
{
    public const string NoSuchChat = "There is no such chat for you.";

    /// <summary>404 for a chat that does not exist or is not the caller's (the two are not told apart).</summary>
    public static IResult NoSuchChatProblem() => Results.Problem(NoSuchChat, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>404 for a widget key no active merchant has.</summary>
    public static IResult UnknownKeyProblem() =>
        Results.Problem("No chat is set up for this key. Check the key in your embed snippet.", statusCode: StatusCodes.Status404NotFound, title: "Unknown widget key");

    public static IResult From<T>(ChatActionOutcome<T> outcome, Func<T, IResult> success)
    {
        if (outcome.Succeeded)
        {
            return success(outcome.Value!);
        }

        return outcome.Problem switch
        {
            ChatProblemKind.NotFound => Results.Problem(outcome.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
            ChatProblemKind.Invalid => Results.ValidationProblem(
                new Dictionary<string, string[]> { [outcome.Field ?? "request"] = [outcome.Message!] },
                title: "Check what you entered"),
            ChatProblemKind.Forbidden => Results.Problem(outcome.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed"),
            _ => Results.Problem(outcome.Message, statusCode: StatusCodes.Status409Conflict, title: "Not possible now"),
        };
    }
}
