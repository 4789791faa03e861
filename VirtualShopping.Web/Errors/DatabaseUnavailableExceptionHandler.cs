using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Errors;

/// <summary>
/// A busy, locked, read-only or unreachable database is not a bug: the caller gets 503 problem details with
/// Retry-After, and the request's transaction saved nothing, so retrying is safe.
/// </summary>
internal sealed partial class DatabaseUnavailableExceptionHandler(ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseUnavailability.Explains(exception))
        {
            return false;
        }

        LogUnavailable(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
                $"The database is busy or unavailable, so nothing was saved. Try again in {RetryAfterSeconds} seconds.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Try again shortly")
            .ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database could not take {Method} {Path}; answered 503")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, string path);
}
