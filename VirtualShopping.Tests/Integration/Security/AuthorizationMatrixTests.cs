using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.StaticAssets;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Authorization;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Demo;
using static VirtualShopping.Tests.Integration.Security.Caller;

namespace VirtualShopping.Tests.Integration.Security;

/// <summary>
/// Who may reach every endpoint, page and hub of the app, generated from the app's own endpoint list:
/// an endpoint (or hub method) added without an expectation here fails the suite, and every expectation
/// is tried as every kind of caller through the real pipeline.
/// </summary>
public sealed partial class AuthorizationMatrixTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    private static readonly Caller[] Everyone = Enum.GetValues<Caller>();
    private static readonly Caller[] DashboardStaff = [HqAdmin, Manager, Expert, SupportStaff];

    /// <summary>The expected callers of every endpoint, by "METHODS pattern" as routing lists it.</summary>
    private static readonly Dictionary<string, Caller[]> Expectations = new(StringComparer.Ordinal)
    {
        // Infrastructure and public pages.
        ["GET,HEAD {**path:file}"] = DashboardStaff,
        ["GET /openapi/{documentName}.json"] = Everyone,
        ["* /health"] = Everyone,
        ["* /hangfire/{**path}"] = [], // platform operators only (JobsDashboardTests); no merchant role
        ["GET /_framework/opaque-redirect"] = DashboardStaff,
        ["* /_blazor/negotiate"] = DashboardStaff,
        ["* /_blazor"] = DashboardStaff,
        ["* /_blazor/disconnect/"] = DashboardStaff,
        ["* /_blazor/initializers/"] = DashboardStaff,
        ["GET,POST /account/login"] = Everyone,
        ["GET,POST /account/join"] = Everyone,
        ["GET,POST /account/invitation"] = Everyone,
        ["GET,POST /account/access-denied"] = Everyone,
        ["GET /account/entra"] = Everyone,
        ["POST /account/logout"] = DashboardStaff,
        ["GET,POST /error"] = Everyone,
        ["GET,POST /not-found"] = Everyone,
        ["GET,POST /m/expired"] = Everyone,
        ["GET,POST /m/welcome-back"] = Everyone,
        ["GET /m"] = Everyone,
        ["GET /p/{token}"] = Everyone,

        // Dashboard pages.
        ["GET,POST /"] = DashboardStaff,
        ["GET,POST /left-messages"] = DashboardStaff,
        ["GET,POST /inbox"] = DashboardStaff,
        ["GET,POST /inbox/blocked"] = [HqAdmin, Manager, SupportStaff],
        ["GET,POST /stores"] = [HqAdmin, SupportStaff],
        ["GET,POST /staff"] = [HqAdmin, Manager],
        ["GET,POST /products"] = [HqAdmin, Manager, SupportStaff],
        ["GET,POST /reports"] = [HqAdmin, Manager], // and anyone granted analytics; managers see their stores' figures only
        ["GET,POST /reports/sales"] = [HqAdmin, Manager],
        ["GET,POST /reports/sales/orders"] = [HqAdmin, Manager],
        ["GET,POST /reports/sales/conversations/{ChatId:guid}"] = [HqAdmin, Manager], // ReportScope decides per chat (not found outside it)
        ["GET /api/v1/reports/sales/{table}.csv"] = [HqAdmin, Manager], // ReportScope narrows every row; another store's id is 403
        ["GET,POST /reports/team"] = [HqAdmin, Manager],
        ["GET,POST /settings/account"] = [HqAdmin],
        ["GET,POST /settings/chat"] = [HqAdmin],
        ["GET,POST /settings/departments"] = [HqAdmin],
        ["GET,POST /settings/integrations"] = [HqAdmin],
        ["GET,POST /settings/notifications"] = [HqAdmin],
        ["GET,POST /notifications/unsubscribe"] = Everyone, // the signed link in each scheduled email; confirming needs the antiforgery token
        ["GET,POST /settings/saved-replies"] = [HqAdmin],
        ["GET,POST /settings/discount-codes"] = [HqAdmin],
        ["GET,POST /settings/store-app"] = [HqAdmin],
        ["GET,POST /settings/audit-log"] = [HqAdmin],

        // Dashboard API.
        ["GET /api/v1/stores/"] = [HqAdmin, SupportStaff],
        ["GET /api/v1/stores/{id:guid}"] = [HqAdmin, SupportStaff],
        ["POST /api/v1/stores/"] = [HqAdmin, SupportStaff],
        ["PUT /api/v1/stores/{id:guid}"] = [HqAdmin, SupportStaff],
        ["POST /api/v1/stores/{id:guid}/deactivate"] = [HqAdmin, SupportStaff],
        ["POST /api/v1/stores/{id:guid}/reactivate"] = [HqAdmin, SupportStaff],
        ["GET /api/v1/reports/team/experts.csv"] = [HqAdmin, Manager],
        ["GET /api/v1/reports/conversations.csv"] = [HqAdmin, Manager],
        ["GET /api/v1/staff/"] = [HqAdmin, Manager],
        ["GET /api/v1/staff/{id:guid}"] = [HqAdmin, Manager],
        ["POST /api/v1/staff/"] = [HqAdmin, Manager],
        ["POST /api/v1/staff/{id:guid}/reinvite"] = [HqAdmin, Manager],
        ["PUT /api/v1/staff/{id:guid}"] = [HqAdmin, Manager],
        ["POST /api/v1/staff/{id:guid}/approve"] = [HqAdmin, Manager],
        ["POST /api/v1/staff/{id:guid}/reject"] = [HqAdmin, Manager],
        ["POST /api/v1/staff/{id:guid}/deactivate"] = [HqAdmin, Manager],
        ["POST /api/v1/staff/{id:guid}/reactivate"] = [HqAdmin, Manager],
        ["GET /api/v1/teams/"] = [HqAdmin, Manager],
        ["POST /api/v1/teams/"] = [HqAdmin, Manager],
        ["PUT /api/v1/teams/{id:guid}"] = [HqAdmin, Manager],
        ["POST /api/v1/teams/{id:guid}/deactivate"] = [HqAdmin, Manager],
        ["GET /api/v1/settings/store-app"] = [HqAdmin],
        ["PUT /api/v1/settings/store-app"] = [HqAdmin],
        ["GET /api/v1/settings/account"] = [HqAdmin],
        ["PUT /api/v1/settings/account"] = [HqAdmin],
        ["GET /api/v1/settings/integrations"] = [HqAdmin],
        ["PUT /api/v1/settings/integrations"] = [HqAdmin],
        ["GET /api/v1/settings/chat"] = [HqAdmin],
        ["PUT /api/v1/settings/chat"] = [HqAdmin],
        ["GET /api/v1/settings/discount-codes"] = [HqAdmin],
        ["POST /api/v1/settings/discount-codes"] = [HqAdmin],
        ["PUT /api/v1/settings/discount-codes/{codeId:guid}"] = [HqAdmin],
        ["DELETE /api/v1/settings/discount-codes/{codeId:guid}"] = [HqAdmin],
        ["GET /api/v1/left-messages/"] = DashboardStaff,
        ["POST /api/v1/left-messages/{id:guid}/replies"] = DashboardStaff,
        ["POST /api/v1/products/imports"] = [HqAdmin, Manager, SupportStaff], // the Products page's right (SuperviseChats), as its upload
        ["GET /inbox/attachments/{chatId:guid}/{attachmentId:guid}"] = DashboardStaff, // Policies.Inbox: every staff role; ChatAccess decides per chat (404)

        // The widget (public, then the shopper's session).
        ["GET /api/v1/widget/{publicKey}/config"] = Everyone,
        ["OPTIONS /api/v1/widget/{publicKey}/config"] = Everyone,
        ["GET /api/v1/widget/{publicKey}/assets/{kind}"] = Everyone,
        ["POST /api/v1/widget/{publicKey}/session"] = Everyone,
        ["POST /api/v1/widget/{publicKey}/chats/"] = [Shopper],
        ["GET /api/v1/widget/{publicKey}/chats/{chatId:guid}"] = [Shopper],
        ["GET /api/v1/widget/{publicKey}/chats/{chatId:guid}/messages"] = [Shopper],
        ["POST /api/v1/widget/{publicKey}/chats/{chatId:guid}/messages"] = [Shopper],
        ["POST /api/v1/widget/{publicKey}/chats/{chatId:guid}/end"] = [Shopper],
        ["POST /api/v1/widget/{publicKey}/chats/{chatId:guid}/rating"] = [Shopper],
        ["POST /api/v1/widget/{publicKey}/chats/{chatId:guid}/read"] = [Shopper],
        ["POST /api/v1/widget/{publicKey}/chats/{chatId:guid}/attachments"] = [Shopper],
        ["GET /api/v1/widget/{publicKey}/chats/{chatId:guid}/attachments/{attachmentId:guid}"] = [Shopper],
        ["POST /api/v1/widget/{publicKey}/left-messages"] = [Shopper],
        ["GET /widget/frame"] = Everyone,
        ["POST /api/v1/widget/{publicKey}/events"] = [Shopper],
        ["* /hubs/shopper/negotiate"] = [Shopper],
        ["* /hubs/shopper"] = [Shopper],

        // The order API (a merchant's back end with its API key) and Shopify's webhook: anonymous, but every delivery
        // without the shop's signature is refused 401, so no caller here gets in (ShopifyWebhookTests sign theirs).
        ["POST /api/v1/orders/"] = [OrderApi],
        ["GET /api/v1/orders/{id}"] = [OrderApi],
        ["POST /api/v1/orders/{id}/refunds"] = [OrderApi],
        ["POST /api/v1/orders/{id}/cancellation"] = [OrderApi],
        ["POST /api/v1/webhooks/shopify"] = [],

        // The Store App.
        ["POST /api/v1/expert/token/"] = Everyone,
        ["GET /api/v1/expert/me"] = [StoreApp],
        ["PUT /api/v1/expert/availability"] = [StoreApp],
        ["GET /api/v1/expert/offers"] = [StoreApp],
        ["POST /api/v1/expert/offers/{offerId:guid}/claim"] = [StoreApp],
        ["POST /api/v1/expert/offers/{offerId:guid}/decline"] = [StoreApp],
        ["GET /api/v1/expert/chats"] = [StoreApp],
        ["GET /api/v1/expert/chats/{chatId:guid}/messages"] = [StoreApp],
        ["POST /api/v1/expert/chats/{chatId:guid}/messages"] = [StoreApp],
        ["POST /api/v1/expert/chats/{chatId:guid}/close"] = [StoreApp],
        ["POST /api/v1/expert/chats/{chatId:guid}/transfer"] = [StoreApp],
        ["GET /api/v1/expert/chats/{chatId:guid}/transfer-candidates"] = [StoreApp],
        ["POST /api/v1/expert/chats/{chatId:guid}/move"] = [StoreApp],
        ["POST /api/v1/expert/chats/{chatId:guid}/attachments"] = [StoreApp],
        ["GET /api/v1/expert/chats/{chatId:guid}/attachments/{attachmentId:guid}"] = [StoreApp],
        ["GET /api/v1/expert/saved-replies"] = [StoreApp],
        ["POST /api/v1/expert/saved-replies"] = [StoreApp],
        ["DELETE /api/v1/expert/saved-replies/{replyId:guid}"] = [StoreApp],
        ["GET /api/v1/expert/discount-codes"] = [StoreApp],
        ["POST /api/v1/expert/chats/{chatId:guid}/discount-codes/{codeId:guid}"] = [StoreApp],
        ["POST /api/v1/expert/products/{productId:guid}/shares"] = [StoreApp],
        ["GET /api/v1/expert/shares"] = [StoreApp],
        ["GET /api/v1/expert/shares/{token}/qr.png"] = [StoreApp],
        ["GET /api/v1/expert/shares/{token}/qr.svg"] = [StoreApp],
        ["DELETE /api/v1/expert/shares/{token}"] = [StoreApp],
        ["GET /api/v1/expert/products"] = [StoreApp],
        ["PUT /api/v1/expert/products/{productId:guid}/favourite"] = [StoreApp],
        ["DELETE /api/v1/expert/products/{productId:guid}/favourite"] = [StoreApp],
        ["POST /api/v1/expert/chats/{chatId:guid}/products/{productId:guid}"] = [StoreApp],
        ["GET /api/v1/expert/chats/{chatId:guid}"] = [StoreApp],
        ["POST /api/v1/expert/chats/{chatId:guid}/notes"] = [StoreApp],
        ["PUT /api/v1/expert/chats/{chatId:guid}/priority"] = [StoreApp],
        ["POST /api/v1/expert/chats/{chatId:guid}/block"] = [StoreApp],
        ["POST /api/v1/expert/chats/{chatId:guid}/typing"] = [StoreApp],
        ["POST /api/v1/expert/chats/{chatId:guid}/read"] = [StoreApp],
        ["* /hubs/expert/negotiate"] = [StoreApp],
        ["* /hubs/expert"] = [StoreApp],
    };

    /// <summary>Every hub, the policy it demands, and the methods a client may invoke.</summary>
    private static readonly Dictionary<Type, (string Policy, string[] Methods)> HubExpectations = new()
    {
        [typeof(ExpertHub)] = (Policies.Expert, ["MessagesSince", "SendMessage", "ClaimOffer", "Typing", "MarkRead"]),
        [typeof(ShopperHub)] = (Policies.Shopper, ["MessagesSince", "SendMessage", "Typing", "MarkRead"]),
    };

    public static TheoryData<Caller> Callers => new(Everyone);

    [Fact]
    public void Every_endpoint_of_the_app_has_an_explicit_expectation()
    {
        var endpoints = AppEndpoints().Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        var unexpected = endpoints.Where(e => !Expectations.ContainsKey(e)).Order().ToList();
        var stale = Expectations.Keys.Where(e => !endpoints.Contains(e)).Order().ToList();

        Assert.True(unexpected.Count == 0, "Endpoints without an authorization expectation (add them to this test): " + string.Join("; ", unexpected));
        Assert.True(stale.Count == 0, "Expectations for endpoints that no longer exist: " + string.Join("; ", stale));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Every_endpoint_admits_exactly_its_expected_callers(Caller caller)
    {
        var client = await ClientForAsync(caller);
        var widgetKey = (await factory.DemoMerchantAsync()).PublicWidgetKey;
        var wrong = new List<string>();

        // Signing out ends the caller's session, so it goes last.
        foreach (var endpoint in AppEndpoints().OrderBy(e => e.Key == "POST /account/logout"))
        {
            var allowed = Expectations.TryGetValue(endpoint.Key, out var callers) && callers.Contains(caller);
            using var request = RequestFor(endpoint, widgetKey);
            using var response = await client.SendAsync(request);
            var denied = IsDenied(response);
            if (denied == allowed || (int)response.StatusCode >= 500)
            {
                wrong.Add($"{endpoint.Key} ({request.Method} {request.RequestUri}): {(int)response.StatusCode} {response.Headers.Location}, expected {(allowed ? "admitted" : "refused")}");
            }
        }

        Assert.True(wrong.Count == 0, $"{caller}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Every_hub_method_has_an_expectation_and_demands_the_hubs_policy()
    {
        var hubs = typeof(Program).Assembly.GetTypes().Where(t => typeof(Hub).IsAssignableFrom(t) && !t.IsAbstract).ToList();

        Assert.Equal(HubExpectations.Keys.OrderBy(t => t.Name), hubs.OrderBy(t => t.Name));
        foreach (var hub in hubs)
        {
            var (policy, methods) = HubExpectations[hub];
            Assert.Equal(policy, hub.GetCustomAttribute<AuthorizeAttribute>()?.Policy);
            var invocable = hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && m.Name is not (nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync)))
                .ToList();
            Assert.Equal(methods.Order(), invocable.Select(m => m.Name).Order());

            // A method may narrow the hub's policy, never open it up.
            Assert.All(invocable, m => Assert.Null(m.GetCustomAttribute<AllowAnonymousAttribute>()));
        }
    }

    private IEnumerable<AppEndpoint> AppEndpoints()
    {
        _ = factory.Server;
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => new AppEndpoint(e))
            .DistinctBy(e => e.Key);
    }

    private async Task<HttpClient> ClientForAsync(Caller caller)
    {
        var widgetKey = (await factory.DemoMerchantAsync()).PublicWidgetKey;
        return caller switch
        {
            Anonymous => factory.CreateAnonymousClient(),
            Shopper => (await ChatClients.ShopperAsync(factory, widgetKey)).Client,
            StoreApp => (await ChatClients.ExpertAsync(factory, DemoMerchantSeeder.ExpertEmail, VirtualShoppingFactory.DemoPassword)).Client,
            OrderApi => OrderApiKeys.Client(factory, (await OrderApiKeys.CreateAsync(factory, (await factory.DemoMerchantAsync()).Id, "Matrix")).Key),
            HqAdmin => await factory.SignInAsync(DemoMerchantSeeder.AdminEmail),
            Manager => await factory.SignInAsync(DemoMerchantSeeder.ManagerEmail),
            Expert => await factory.SignInAsync(DemoMerchantSeeder.ExpertEmail),
            SupportStaff => await factory.SignInAsync(DemoMerchantSeeder.SupportEmail),
            _ => throw new ArgumentOutOfRangeException(nameof(caller)),
        };
    }

    private static HttpRequestMessage RequestFor(AppEndpoint endpoint, string widgetKey)
    {
        var path = endpoint.Pattern
            .Replace("{**path:file}", "no-such-file.txt", StringComparison.Ordinal)
            .Replace("{**path}", string.Empty, StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{publicKey}", widgetKey, StringComparison.Ordinal)
            .Replace("{kind}", "Logo", StringComparison.Ordinal)
            .Replace("{token}", "not-a-real-link", StringComparison.Ordinal)
            .Replace("{table}", "experts", StringComparison.Ordinal);
        path = GuidParameter().Replace(path, Guid.NewGuid().ToString());
        path = "/" + path.TrimStart('/');
        if (path.EndsWith("/negotiate", StringComparison.Ordinal))
        {
            path += "?negotiateVersion=1";
        }

        var method = endpoint.Methods.Length == 0 ? (path.Contains("negotiate", StringComparison.Ordinal) || path.StartsWith("/_blazor/", StringComparison.Ordinal) ? "POST" : "GET")
            : endpoint.Methods.Contains("GET") ? "GET" : endpoint.Methods[0];
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        if (method == "OPTIONS")
        {
            request.Headers.Add("Origin", "https://www.demo-outfitters.example");
            request.Headers.Add("Access-Control-Request-Method", "GET");
        }

        return request;
    }

    private static bool IsDenied(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return true;
        }

        // The cookie handler sends people to sign in (or to "access denied") with the page they wanted.
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        return response.StatusCode == HttpStatusCode.Redirect
            && (location.Contains("/account/login?ReturnUrl=", StringComparison.Ordinal) || location.Contains("/account/access-denied", StringComparison.Ordinal));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[A-Za-z]+:guid\}")]
    private static partial System.Text.RegularExpressions.Regex GuidParameter();

    private sealed record AppEndpoint(string Key, string Pattern, string[] Methods)
    {
        public AppEndpoint(RouteEndpoint endpoint)
            : this(KeyOf(endpoint), endpoint.RoutePattern.RawText ?? string.Empty, MethodsOf(endpoint))
        {
        }

        private static string[] MethodsOf(RouteEndpoint endpoint) =>
            endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToArray() ?? [];

        private static string KeyOf(RouteEndpoint endpoint)
        {
            var methods = MethodsOf(endpoint);
            return $"{(methods.Length == 0 ? "*" : string.Join(",", methods))} {endpoint.RoutePattern.RawText}";
        }
    }
}

/// <summary>The kinds of caller the authorization matrix tries.</summary>
public enum Caller
{
    Anonymous,
    Shopper,
    StoreApp,

    /// <summary>A merchant's back end with one of its order API keys.</summary>
    OrderApi,
    HqAdmin,
    Manager,
    Expert,
    SupportStaff,
}
