using Microsoft.AspNetCore.Http.HttpResults;

namespace VirtualShopping.Web.Components.Shared;

/// <summary>Turns a save's outcome into the API's answer: the saved value, 400/404/409 problem details.</summary>
public static class SaveResultHttp
{
    public static Results<Ok<TOut>, ValidationProblem, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>> ToHttp<T, TOut>(
        this SaveResult<T> result,
        Func<T, TOut> map)
        where T : class => result.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Ok(map(result.Value!)),
            SaveOutcome.Invalid => TypedResults.ValidationProblem(result.Errors, title: "The request has invalid fields."),
            SaveOutcome.NotFound => TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Not found",
                Detail = result.Message,
            }),
            _ => TypedResults.Conflict(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Edit conflict",
                Detail = result.Message,
            }),
        };
}
