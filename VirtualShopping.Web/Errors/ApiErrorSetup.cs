namespace VirtualShopping.Web.Errors;

/// <summary>
/// How the API answers what it cannot do: bad input as 400/415 problem details naming the field, a busy or
/// unreachable database as 503 with Retry-After, in every environment.
/// </summary>
public static class ApiErrorSetup
{
    public static IServiceCollection AddApiErrors(this IServiceCollection services)
    {
        // Minimal APIs throw on unreadable input in every environment (by default only in Development, where the
        // exception then became a 500); one handler turns the exception into problem details that say why.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // First in the list, so it reads every enum of the API's JSON (and refuses numbers that name nothing).
        services.PostConfigure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => o.SerializerOptions.Converters.Insert(0, new DefinedEnumConverterFactory()));
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }

    /// <summary>
    /// Routing answers a JSON endpoint called with another Content-Type (415) or the wrong method (405) with an
    /// endpoint of its own that has no metadata, so the fallback "staff only" policy applied to it and bearer or
    /// anonymous callers got 401 instead. Those answers reveal nothing and run nothing: give them to everyone,
    /// with problem details that say what to send.
    /// </summary>
    public static IApplicationBuilder UseApiRoutingRejections(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/api") && RoutingRejection.For(http.GetEndpoint()) is { } rejection)
            {
                http.SetEndpoint(rejection);
            }

            return next(http);
        });
}
