namespace VirtualShopping.Web.Features.Chats;

/// <summary>Turns chat outcomes into HTTP answers: RFC 7807 problem details for every refusal.</summary>
internal static class ChatResults
{
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
            _ => Results.Problem(outcome.Message, statusCode: StatusCodes.Status409Conflict, title: "Not possible now"),
        };
    }
}
