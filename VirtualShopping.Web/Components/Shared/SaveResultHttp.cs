using Microsoft.AspNetCore.Http.HttpResults;

namespace VirtualShopping.Web.Components.Shared;

/// <summary>Turns a save's outcome into the API's answer: the saved value, or 400/403/404/409 problem details.</summary>
public static class SaveResultHttp
{
    public static Results<Ok<TOut>, ValidationProblem, ProblemHttpResult> ToHttp<T, TOut>(this SaveResult<T> result, Func<T, TOut> map)
        where T : class => result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Ok(map(result.Value!)),
            SaveOutcome.Invalid => TypedResults.ValidationProblem(result.Errors, title: "The request has invalid fields."),
            SaveOutcome.NotFound => NotFound(result.Message),
            SaveOutcome.Forbidden => WithFields(result, StatusCodes.Status403Forbidden, "Not allowed"),
            _ when result.HasFieldErrors => WithFields(result, StatusCodes.Status409Conflict, "Conflict"),
            _ => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Edit conflict"),
        };

    private static ProblemHttpResult WithFields<T>(SaveResult<T> result, int status, string title)
        where T : class =>
        TypedResults.Problem(new HttpValidationProblemDetails(result.Errors) { Status = status, Title = title, Detail = result.Message });

    public static ProblemHttpResult NotFound(string? detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
