using System.Globalization;

namespace VirtualShopping.Web.Errors;

/// <summary>
/// The one answer of every throttle (the widget's rate limits, the sign-in and join limits, the per-account
/// password windows): 429 problem details with Retry-After for API callers; a person who submitted a form is
/// sent back to that page, which says how long to wait, instead of being shown JSON.
/// </summary>
public static class TooManyRequests
{
    /// <summary>The query parameter a form page reads to say how many seconds to wait.</summary>
    public const string WaitQuery = "slowDown";

    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>"Wait 45 seconds" or "Wait 15 minutes", for people.</summary>
    public static string WaitInWords(TimeSpan wait) =>
        wait <= TimeSpan.FromSeconds(90) ? $"Wait {Seconds(wait)} seconds" : $"Wait {(int)Math.Ceiling(wait.TotalMinutes)} minutes";

    /// <summary>Sets Retry-After and returns the problem details, e.g. "Too many wrong passwords. Wait 15 minutes and try again."</summary>
    public static IResult Problem(HttpContext http, TimeSpan wait, string what)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.RetryAfter = Seconds(wait).ToString(CultureInfo.InvariantCulture);
        return Results.Problem($"{what} {WaitInWords(wait)} and try again.", statusCode: StatusCodes.Status429TooManyRequests, title: "Slow down");
    }

    /// <summary>The rate limiter's refusal: back to the form's page for a person, problem details for everyone else.</summary>
    public static Task RejectAsync(HttpContext http, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.RetryAfter = Seconds(wait).ToString(CultureInfo.InvariantCulture);
        if (http.Request.HasFormContentType && !http.Request.Path.StartsWithSegments("/api"))
        {
            var query = QueryString.Create(
                http.Request.Query.Where(q => q.Key != WaitQuery).SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
                    .Append(KeyValuePair.Create(WaitQuery, (string?)Seconds(wait).ToString(CultureInfo.InvariantCulture))));
            http.Response.Redirect(http.Request.PathBase + http.Request.Path + query);
            return Task.CompletedTask;
        }

        return Problem(http, wait, "Too many requests.").ExecuteAsync(http);
    }
}
