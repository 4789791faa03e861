using Microsoft.AspNetCore.Authorization;

namespace VirtualShopping.Web.Errors;

/// <summary>The 405 and 415 answers of routing itself, as anonymous endpoints that write problem details.</summary>
internal static class RoutingRejection
{
    // The display names routing gives its rejection endpoints (HttpMethodMatcherPolicy, AcceptsMatcherPolicy).
    private const string MethodNotAllowed = "405 HTTP Method Not Supported";
    private const string UnsupportedMediaType = "415 HTTP Unsupported Media Type";

    public static Endpoint? For(Endpoint? endpoint)
    {
        if (endpoint?.RequestDelegate is not { } original || endpoint.Metadata.Count > 0)
        {
            return null;
        }

        var (title, detail) = endpoint.DisplayName switch
        {
            UnsupportedMediaType => ("Unsupported media type", "Send the body as JSON, with the header Content-Type: application/json."),
            MethodNotAllowed => ("Method not allowed", "This address does not take this HTTP method; the Allow header lists the ones it takes."),
            _ => (null, null),
        };
        if (title is null)
        {
            return null;
        }

        return new Endpoint(
            async http =>
            {
                await original(http);
                await Results.Problem(detail, statusCode: http.Response.StatusCode, title: title).ExecuteAsync(http);
            },
            new EndpointMetadataCollection(new AllowAnonymousAttribute()),
            endpoint.DisplayName);
    }
}
