using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace VirtualShopping.Web.Errors;

/// <summary>
/// Turns minimal APIs' <see cref="BadHttpRequestException"/> (unreadable JSON, a value of the wrong type, an
/// unknown enum name, an unparseable query or route value, the wrong Content-Type) into 400 or 415 problem
/// details that name the field and say what it takes.
/// </summary>
internal sealed partial class BadRequestExceptionHandler : IExceptionHandler
{
    private const string Body = "body";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            await Results.Problem("Send the body as JSON, with the header Content-Type: application/json.", statusCode: bad.StatusCode, title: "Unsupported media type")
                .ExecuteAsync(httpContext);
            return true;
        }

        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            await Results.Problem(bad.Message, statusCode: bad.StatusCode).ExecuteAsync(httpContext);
            return true;
        }

        var (field, reason) = Explain(httpContext, bad);
        await Results.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [reason] },
                detail: $"{field}: {reason}",
                title: "Check what you entered")
            .ExecuteAsync(httpContext);
        return true;
    }

    private static (string Field, string Reason) Explain(HttpContext httpContext, BadHttpRequestException bad)
    {
        var named = ParameterInMessage().Match(bad.Message);
        var name = named.Success ? named.Groups["name"].Value : Body;
        // The exception handler has cleared the request's endpoint; the feature keeps the one that threw.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        var type = endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters().FirstOrDefault(p => p.Name == name)?.ParameterType;

        if (bad.InnerException is JsonException json)
        {
            return ExplainJson(json, type);
        }

        if (bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) || bad.Message.StartsWith("Implicit body", StringComparison.Ordinal))
        {
            return bad.Message.Contains("from body", StringComparison.Ordinal) || bad.Message.StartsWith("Implicit body", StringComparison.Ordinal)
                ? (Body, "Send a JSON body.")
                : (name, "Enter a value.");
        }

        var value = named.Groups["value"].Success ? named.Groups["value"].Value : null;
        var given = value is null ? "This value" : $"'{(value.Length > 40 ? value[..40] + "…" : value)}'";
        return (name, $"{given} is not valid here. {ValueExpectation.For(type)}");
    }

    private static (string Field, string Reason) ExplainJson(JsonException json, Type? bodyType)
    {
        var path = json.Path ?? "$";
        var field = path.Length > 2 && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : Body;
        var target = bodyType is null ? null : ValueExpectation.TypeAt(bodyType, path);
        // A reader (syntax) error comes wrapped around the reader's own JsonException; a conversion error does not.
        var converting = json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            || json.InnerException is { } inner && inner is not JsonException;
        if (converting)
        {
            return (field, $"This value is not valid here. {ValueExpectation.For(target)}");
        }

        // A syntax error from the reader: its message names no .NET types; only the position is of use.
        var message = json.Message.Split(" Path:", 2)[0];
        var where = json.LineNumber is { } line ? $" (line {line + 1}, position {(json.BytePositionInLine ?? 0) + 1})" : string.Empty;
        return (field, message.Contains("VirtualShopping", StringComparison.Ordinal) || message.Contains("System.", StringComparison.Ordinal)
            ? $"The body is not valid JSON here{where}."
            : $"The body is not valid JSON{where}: {message}");
    }

    // "Failed to bind parameter "int? page" from "abc".", "Failed to read parameter "StoreInput input" from the request body as JSON."
    [GeneratedRegex("parameter \"(?<type>[^\"]*) (?<name>[^\" ]+)\"(?: from \"(?<value>.*)\")?")]
    private static partial Regex ParameterInMessage();
}
