using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Authorization;
using VirtualShopping.Web.Features.Demo;

namespace VirtualShopping.Tests.Integration.Errors;

/// <summary>
/// Bad input from a careless client, generated over the app's own endpoint list: every /api endpoint with a
/// body or typed parameters gets broken JSON, wrong values for each field (unknown enum names, text for
/// numbers...), unparseable query values and the wrong Content-Type, as a caller allowed to use it. Each must
/// answer 400 (or 415) problem details naming the field, never a 500 or a bare "Bad Request".
/// </summary>
public abstract class MalformedInputTests
{
    private readonly VirtualShoppingFactory factory;

    protected MalformedInputTests(VirtualShoppingFactory factory)
    {
        // Dozens of probes from one session and one address: the widget's rate limits must not answer them instead.
        factory.SetSetting("RateLimits:SessionPermitsPerMinute", "100000");
        factory.SetSetting("RateLimits:IpPermitsPerMinute", "100000");
        this.factory = factory;
    }

    [Fact]
    public async Task Every_malformed_request_to_every_api_endpoint_gets_400_problem_details_naming_the_field()
    {
        var callers = await CallersAsync();
        var failures = new List<string>();
        var probed = 0;
        foreach (var endpoint in ApiEndpoints())
        {
            foreach (var probe in ProbesFor(endpoint, await WidgetKeyAsync()))
            {
                probed++;
                using var request = probe.Request();
                var response = await callers[endpoint.Caller].SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var problem = await ProblemIssueAsync(response, body, probe.ExpectedStatus, probe.Field);
                if (problem is not null)
                {
                    failures.Add($"{request.Method} {request.RequestUri} [{probe.Description}]: {problem} -> {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
                }
            }
        }

        Assert.True(probed > 40, $"Only {probed} probes: the endpoint list was not read.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {probed} probes failed:\n" + string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/api/v1/stores?page=-1", "page")]
    [InlineData("/api/v1/stores?pageSize=0", "pageSize")]
    [InlineData("/api/v1/stores?pageSize=201", "pageSize")]
    [InlineData("/api/v1/stores?page=2147483647&pageSize=100", "page")]
    [InlineData("/api/v1/staff?page=21474836&pageSize=100", "page")]
    [InlineData("/api/v1/staff?pageSize=-5", "pageSize")]
    public async Task Paging_values_out_of_bounds_get_400_naming_the_field(string url, string field)
    {
        var client = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
    }

    [Fact]
    public async Task The_last_page_that_fits_is_answered()
    {
        var client = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail);

        var response = await client.GetAsync($"/api/v1/stores?page={(int.MaxValue / 200) - 1}&pageSize=200");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<string?> ProblemIssueAsync(HttpResponseMessage response, string body, HttpStatusCode expected, string? field)
    {
        if (response.StatusCode != expected)
        {
            return Task.FromResult<string?>($"expected {(int)expected}");
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return Task.FromResult<string?>("not problem+json");
        }

        using var json = JsonDocument.Parse(body);
        if (!json.RootElement.TryGetProperty("detail", out var detail) || string.IsNullOrWhiteSpace(detail.GetString()))
        {
            return Task.FromResult<string?>("no detail saying why");
        }

        if (field is null)
        {
            return Task.FromResult<string?>(null);
        }

        var named = json.RootElement.TryGetProperty("errors", out var errors)
            && errors.EnumerateObject().Any(e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase) && e.Value.GetArrayLength() > 0);
        return Task.FromResult(named ? null : $"errors do not name '{field}'");
    }

    private async Task<Dictionary<Caller, HttpClient>> CallersAsync() => new()
    {
        [Caller.Anonymous] = factory.CreateAnonymousClient(),
        [Caller.Staff] = await factory.SignInAsync(DemoMerchantSeeder.AdminEmail),
        [Caller.Expert] = (await ChatClients.ExpertAsync(factory, DemoMerchantSeeder.ExpertEmail, VirtualShoppingFactory.DemoPassword)).Client,
        [Caller.Shopper] = (await ChatClients.ShopperAsync(factory, await WidgetKeyAsync())).Client,
        [Caller.OrderApi] = OrderApiKeys.Client(factory, (await OrderApiKeys.CreateAsync(factory, (await factory.DemoMerchantAsync()).Id)).Key),
    };

    private async Task<string> WidgetKeyAsync() => (await factory.DemoMerchantAsync()).PublicWidgetKey;

    private IEnumerable<ApiEndpoint> ApiEndpoints()
    {
        var isService = factory.Services.GetRequiredService<IServiceProviderIsService>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            var method = endpoint.Metadata.GetMetadata<MethodInfo>();
            var verbs = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            if (method is null || !(pattern.RawText ?? string.Empty).StartsWith("/api", StringComparison.Ordinal) || verbs.Contains(HttpMethods.Options))
            {
                continue;
            }

            var routeNames = pattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var parameters = method.GetParameters()
                .Where(p => !IsInfrastructure(p.ParameterType) && !isService.IsService(p.ParameterType))
                .Select(p => new ApiParameter(p.Name!, p.ParameterType, routeNames.Contains(p.Name!) ? Source.Route : IsSimple(p.ParameterType) ? Source.Query : Source.Body))
                .ToList();
            yield return new ApiEndpoint(verbs.Single(), pattern.RawText!, parameters, CallerOf(endpoint));
        }
    }

    private static Caller CallerOf(Endpoint endpoint)
    {
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
        return policies.Contains(Policies.Expert) ? Caller.Expert
            : policies.Contains(Policies.Shopper) ? Caller.Shopper
            : policies.Contains(Policies.OrderApi) ? Caller.OrderApi
            : endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null ? Caller.Anonymous
            : Caller.Staff;
    }

    private static IEnumerable<Probe> ProbesFor(ApiEndpoint endpoint, string widgetKey)
    {
        var route = endpoint.Parameters.Where(p => p.Source == Source.Route).ToList();
        string Path(ApiParameter? wrong = null) => "/" + string.Join('/', endpoint.Pattern.Trim('/').Split('/').Select(segment =>
        {
            if (!segment.StartsWith('{'))
            {
                return segment;
            }

            var name = segment.Trim('{', '}').Split(':')[0];
            var parameter = route.SingleOrDefault(p => p.Name == name);
            return parameter is not null && parameter == wrong ? "not-a-value"
                : name == "publicKey" ? widgetKey
                : segment.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString()
                : "1";
        }));

        foreach (var wrong in route.Where(p => Underlying(p.Type).IsEnum))
        {
            yield return new Probe($"route {wrong.Name}", HttpStatusCode.BadRequest, wrong.Name, () => new HttpRequestMessage(new HttpMethod(endpoint.Verb), Path(wrong)));
            yield return new Probe($"route {wrong.Name} as a number naming nothing", HttpStatusCode.BadRequest, wrong.Name,
                () => new HttpRequestMessage(new HttpMethod(endpoint.Verb), Path(wrong).Replace("not-a-value", "99999", StringComparison.Ordinal)));
        }

        var body = endpoint.Parameters.SingleOrDefault(p => p.Source == Source.Body);
        HttpRequestMessage Request(string query, string? json, string? mediaType = "application/json")
        {
            var request = new HttpRequestMessage(new HttpMethod(endpoint.Verb), Path() + query);
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8);
                request.Content.Headers.ContentType = mediaType is null ? null : new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
            }

            return request;
        }

        var validBody = body is null ? null : "{}";
        foreach (var query in endpoint.Parameters.Where(p => p.Source == Source.Query && Underlying(p.Type) != typeof(string)))
        {
            yield return new Probe($"query {query.Name}", HttpStatusCode.BadRequest, query.Name, () => Request($"?{query.Name}=not-a-value", validBody));
            if (Underlying(query.Type).IsEnum)
            {
                yield return new Probe($"query {query.Name} as a number naming nothing", HttpStatusCode.BadRequest, query.Name, () => Request($"?{query.Name}=99999", validBody));
            }
        }

        if (body is null)
        {
            yield break;
        }

        yield return new Probe("broken JSON", HttpStatusCode.BadRequest, null, () => Request(string.Empty, "{ \"a\": "));
        yield return new Probe("JSON sent as text/plain", HttpStatusCode.UnsupportedMediaType, null, () => Request(string.Empty, "{}", "text/plain"));
        yield return new Probe("JSON sent without Content-Type", HttpStatusCode.UnsupportedMediaType, null, () => Request(string.Empty, "{}", null));
        foreach (var (json, field) in WrongValues(Underlying(body.Type), string.Empty, depth: 0))
        {
            yield return new Probe($"wrong {field}", HttpStatusCode.BadRequest, field, () => Request(string.Empty, json));
        }
    }

    /// <summary>For each field (nested ones too), a JSON body with a value of the wrong kind in that field only.</summary>
    private static IEnumerable<(string Json, string Field)> WrongValues(Type type, string prefix, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var field = prefix + name;
            var propertyType = Underlying(property.PropertyType);
            var wrong = propertyType == typeof(string) ? "{}" : "\"not-a-value\"";
            yield return ($"{{\"{name}\":{wrong}}}", field);
            if (propertyType.IsEnum)
            {
                // A number that names no value (JSON takes enum numbers too).
                yield return ($"{{\"{name}\":99999}}", field);
            }

            var element = propertyType.IsArray ? propertyType.GetElementType()
                : propertyType.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType) ? propertyType.GetGenericArguments()[0]
                : null;
            if (depth < 2 && element is not null && !IsSimple(element))
            {
                foreach (var (json, inner) in WrongValues(element, $"{field}[0].", depth + 1))
                {
                    yield return ($"{{\"{name}\":[{json}]}}", inner);
                }
            }
        }
    }

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static bool IsSimple(Type type)
    {
        var t = Underlying(type);
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(Guid) || t == typeof(decimal) || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(DateOnly) || t == typeof(TimeOnly);
    }

    private static bool IsInfrastructure(Type type) =>
        type == typeof(HttpContext) || type == typeof(CancellationToken) || type == typeof(ClaimsPrincipal) || type == typeof(HttpRequest) || type == typeof(HttpResponse)
        || type.IsInterface || (type.IsGenericType && type.GetGenericTypeDefinition().Namespace == "Microsoft.Extensions.Options");

    private enum Caller { Anonymous, Staff, Expert, Shopper, OrderApi }

    private enum Source { Route, Query, Body }

    private sealed record ApiParameter(string Name, Type Type, Source Source);

    private sealed record ApiEndpoint(string Verb, string Pattern, IReadOnlyList<ApiParameter> Parameters, Caller Caller);

    private sealed record Probe(string Description, HttpStatusCode ExpectedStatus, string? Field, Func<HttpRequestMessage> Request);
}

public sealed class MalformedInputInDevelopmentTests(DevelopmentFactory factory) : MalformedInputTests(factory), IClassFixture<DevelopmentFactory>;

public sealed class MalformedInputInProductionTests(ProductionFactory factory) : MalformedInputTests(factory), IClassFixture<ProductionFactory>;
