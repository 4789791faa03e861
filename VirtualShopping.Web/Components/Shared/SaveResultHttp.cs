using Microsoft.AspNetCore.Http.HttpResults;

namespace VirtualShopping.Web.Components.Shared;

/// <summary>Turns a save's outcome into the API's answer: the saved value, or 400/404/409 problem details.</summary>
public static class SaveResultHttp
{
    public static Results<Ok<TOut>, ValidationProblem, ProblemHttpResult> ToHttp<T, TOut>(this SaveResult<T> result, Func<T, TOut> map)
        where T : class => result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Ok(map(result.Value!)),
            SaveOutcome.Invalid => TypedResults.ValidationProblem(result.Errors, title: "The request has invalid fields."),
            SaveOutcome.NotFound => NotFound(result.Message),
            _ => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Edit conflict"),
        };

    public static ProblemHttpResult NotFound(string? detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
