using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Integration.Chats;

/// <summary>
/// The widget on a merchant's site reaches /hubs/shopper cross-origin with the standard SignalR client: the
/// negotiate preflight and request, and every transport (WebSockets, Server-Sent Events, long polling GET, POST
/// and DELETE), from the merchant's allowed origin; and from nowhere else — not from a site no merchant allows, nor
/// from another merchant's site with this merchant's token.
/// </summary>
public sealed class ShopperHubCorsTests(RoutingFactory factory) : IClassFixture<RoutingFactory>
{
    private const string Evil = "https://evil.example";

    public static TheoryData<string, string> HubRequests => new()
    {
        { "/hubs/shopper/negotiate?negotiateVersion=1", "POST" },
        { "/hubs/shopper?id=some-connection", "GET" },
        { "/hubs/shopper?id=some-connection", "POST" },
        { "/hubs/shopper?id=some-connection", "DELETE" },
    };

    public static TheoryData<HttpTransportType> Transports => new(HttpTransportType.WebSockets, HttpTransportType.ServerSentEvents, HttpTransportType.LongPolling);

    [Theory]
    [MemberData(nameof(HubRequests))]
    public async Task Preflights_are_answered_for_an_allowed_origin_and_not_for_others(string path, string method)
    {
        var shop = await ShopAsync();
        var client = factory.CreateAnonymousClient();

        using var allowed = await client.SendAsync(Preflight(path, method, shop.Origin), TestContext.Current.CancellationToken);
        using var refused = await client.SendAsync(Preflight(path, method, Evil), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(shop.Origin, Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(allowed, "Access-Control-Allow-Credentials"));
        Assert.Contains(method, Header(allowed, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.Equal(["authorization", "content-type", "x-requested-with", "x-signalr-user-agent"], Header(allowed, "Access-Control-Allow-Headers")!.ToLowerInvariant().Split(',').Select(h => h.Trim()).Order());
        Assert.Null(Header(refused, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Negotiate_and_every_long_polling_request_work_from_an_allowed_origin()
    {
        var shop = await ShopAsync();
        var client = factory.CreateAnonymousClient();

        var negotiate = await SendAsync(client, HttpMethod.Post, "/hubs/shopper/negotiate?negotiateVersion=1", shop.Origin, shop.Token);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        AssertCors(negotiate, shop.Origin);
        using var negotiated = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var id = negotiated.RootElement.GetProperty("connectionToken").GetString();
        var transports = negotiated.RootElement.GetProperty("availableTransports").EnumerateArray().Select(t => t.GetProperty("transport").GetString()).ToList();
        Assert.Equal(["WebSockets", "ServerSentEvents", "LongPolling"], transports);
        var connection = $"/hubs/shopper?id={id}";

        // The long-polling transport: the first poll opens the connection, the handshake goes up, pushes come down.
        AssertCors(await SendAsync(client, HttpMethod.Get, connection, shop.Origin, shop.Token), shop.Origin);
        var handshake = await SendAsync(client, HttpMethod.Post, connection, shop.Origin, shop.Token, "{\"protocol\":\"json\",\"version\":1}\u001e");
        Assert.Equal(HttpStatusCode.OK, handshake.StatusCode);
        AssertCors(handshake, shop.Origin);
        var received = new StringBuilder();
        for (var poll = 0; poll < 5 && !received.ToString().Contains("\"target\":\"ready\"", StringComparison.Ordinal); poll++)
        {
            var answer = await SendAsync(client, HttpMethod.Get, connection, shop.Origin, shop.Token);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            AssertCors(answer, shop.Origin);
            received.Append(await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        Assert.Contains($"\"shopperId\":\"{shop.ShopperId}\"", received.ToString(), StringComparison.Ordinal);
        var closed = await SendAsync(client, HttpMethod.Delete, connection, shop.Origin, shop.Token);
        Assert.Equal(HttpStatusCode.Accepted, closed.StatusCode);
        AssertCors(closed, shop.Origin);
    }

    [Theory]
    [MemberData(nameof(HubRequests))]
    public async Task A_request_the_client_abandons_midway_is_still_answered_with_its_CORS_headers(string path, string method)
    {
        // The SignalR client cancels its pending long poll when it stops (and a page can cancel any request): the
        // server may still be reading the request's CORS policy then, and its answer must carry the headers anyway.
        var shop = await ShopAsync();

        var answer = await AbandonedAsync(method, path, request =>
        {
            request.Headers.Origin = shop.Origin;
            request.Headers.Authorization = $"Bearer {shop.Token}";
            request.Headers["X-Requested-With"] = "XMLHttpRequest";
        });

        Assert.Equal(shop.Origin, answer.Headers.AccessControlAllowOrigin.ToString());
        Assert.Equal("true", answer.Headers.AccessControlAllowCredentials.ToString());
    }

    [Theory]
    [MemberData(nameof(HubRequests))]
    public async Task A_preflight_the_client_abandons_midway_is_still_answered_for_an_allowed_origin(string path, string method)
    {
        // A fresh origin makes the preflight re-read every merchant's origins: that read must not fail for the abort either.
        var shop = await ShopAsync();

        var answer = await AbandonedAsync(HttpMethods.Options, path, request =>
        {
            request.Headers.Origin = shop.Origin;
            request.Headers.AccessControlRequestMethod = method;
            request.Headers.AccessControlRequestHeaders = "authorization,x-requested-with";
        });

        Assert.Equal(shop.Origin, answer.Headers.AccessControlAllowOrigin.ToString());
        Assert.Equal("true", answer.Headers.AccessControlAllowCredentials.ToString());
    }

    [Theory]
    [InlineData(Evil)]
    [InlineData("https://other-merchant.example")]
    public async Task A_session_token_used_from_any_site_but_its_merchants_is_refused(string origin)
    {
        var shop = await ShopAsync();
        await ShopAsync("https://other-merchant.example");
        var client = factory.CreateAnonymousClient();

        // Another merchant's site passes the token-less preflight, but not the request that carries this merchant's token.
        var negotiate = await SendAsync(client, HttpMethod.Post, "/hubs/shopper/negotiate?negotiateVersion=1", origin, shop.Token);
        var poll = await SendAsync(client, HttpMethod.Get, "/hubs/shopper?id=some-connection", origin, shop.Token);

        Assert.Equal(HttpStatusCode.Forbidden, negotiate.StatusCode);
        Assert.Equal("application/problem+json", negotiate.Content.Headers.ContentType?.MediaType);
        Assert.Null(Header(negotiate, "Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.Forbidden, poll.StatusCode);
        Assert.Null(Header(poll, "Access-Control-Allow-Origin"));

        // WebSockets are never preflighted and CORS does not cover them: the Origin is checked all the same.
        var sockets = factory.Server.CreateWebSocketClient();
        sockets.ConfigureRequest = r => r.Headers.Origin = origin;
        await Assert.ThrowsAnyAsync<Exception>(() =>
            sockets.ConnectAsync(new Uri(factory.Server.BaseAddress, $"/hubs/shopper?access_token={Uri.EscapeDataString(shop.Token)}"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_apps_own_pages_reach_the_hub_as_the_chat_frame_does()
    {
        var shop = await ShopAsync();
        var negotiate = await SendAsync(factory.CreateAnonymousClient(), HttpMethod.Post, "/hubs/shopper/negotiate?negotiateVersion=1", "https://localhost", shop.Token);

        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
    }

    [Fact]
    public async Task A_newly_allowed_origin_passes_the_preflight_a_second_later_at_most()
    {
        await ShopAsync();
        var client = factory.CreateAnonymousClient();
        var origin = $"https://new-{Guid.NewGuid():N}.example";
        var world = await RoutingScenario.WorldAsync(factory, 0);
        Assert.Null(Header(await client.SendAsync(Preflight("/hubs/shopper/negotiate?negotiateVersion=1", "POST", origin), TestContext.Current.CancellationToken), "Access-Control-Allow-Origin"));

        await AllowAsync(world, origin);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(origin, Header(await client.SendAsync(Preflight("/hubs/shopper/negotiate?negotiateVersion=1", "POST", origin), TestContext.Current.CancellationToken), "Access-Control-Allow-Origin"));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task The_standard_client_connects_over_each_transport_from_an_allowed_origin_as_a_browser_would(HttpTransportType transport)
    {
        var shop = await ShopAsync();
        var browser = new BrowserCors(shop.Origin, factory.Server.CreateHandler());
        await using var connection = Connection(transport, shop, browser);
        var ready = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonElement>(ChatHubEvents.Ready, payload => ready.TrySetResult(payload));

        await connection.StartAsync(TestContext.Current.CancellationToken);
        var hello = await ready.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<List<MessageView>>("MessagesSince", Guid.NewGuid(), 0, TestContext.Current.CancellationToken));
        await connection.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(shop.ShopperId, hello.GetProperty("shopperId").GetGuid());
        Assert.Contains(ChatResults.NoSuchChat, refused.Message, StringComparison.Ordinal);
        Assert.True(browser.Refusals.Count == 0, "Refused: " + string.Join("; ", browser.Refusals));
        Assert.Contains("POST", browser.Preflighted);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task The_standard_client_cannot_connect_from_a_site_the_merchant_did_not_allow(HttpTransportType transport)
    {
        var shop = await ShopAsync();
        var browser = new BrowserCors(Evil, factory.Server.CreateHandler());
        await using var connection = Connection(transport, shop, browser);

        await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(browser.Refusals);
    }

    private HubConnection Connection(HttpTransportType transport, Shop shop, BrowserCors browser) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, ShopperHub.Path), o =>
            {
                o.Transports = transport;
                o.HttpMessageHandlerFactory = _ => browser;
                o.AccessTokenProvider = () => Task.FromResult<string?>(shop.Token);
                o.WebSocketFactory = async (context, cancellationToken) =>
                {
                    // A browser's WebSocket carries its page's Origin and the token in the query string, never a preflight.
                    var client = factory.Server.CreateWebSocketClient();
                    client.ConfigureRequest = r => r.Headers.Origin = browser.Origin;
                    var separator = string.IsNullOrEmpty(context.Uri.Query) ? "?" : "&";
                    return await client.ConnectAsync(new Uri(context.Uri + separator + "access_token=" + Uri.EscapeDataString(shop.Token)), cancellationToken);
                };
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();

    /// <summary>A merchant whose allowed origin is this one (a fresh one by default), and a shopper session on its key.</summary>
    private async Task<Shop> ShopAsync(string? origin = null)
    {
        origin ??= $"https://shop-{Guid.NewGuid():N}.example";
        var world = await RoutingScenario.WorldAsync(factory, 0);
        await AllowAsync(world, origin);

        // Preflights read the merchants' origins at most once a second (the test clock stands still otherwise).
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var (_, token, shopperId) = await ChatClients.ShopperAsync(factory, world.WidgetKey);
        return new Shop(origin, token, shopperId);
    }

    private Task<int> AllowAsync(RoutingWorld world, string origin) =>
        factory.InMerchantAsync(world.MerchantId, async db =>
        {
            var settings = db.ChatSettings.Single();
            settings.AllowedOrigins = [origin];
            return await db.SaveChangesAsync();
        });

    private static HttpRequestMessage Preflight(string path, string method, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-requested-with,x-signalr-user-agent");
        return request;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string origin, string token, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "text/plain");
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static void AssertCors(HttpResponseMessage response, string origin)
    {
        Assert.Equal(origin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
    }

    /// <summary>Sends a request whose client has already gone (its RequestAborted is cancelled) and returns the server's answer.</summary>
    private async Task<HttpResponse> AbandonedAsync(string method, string pathAndQuery, Action<HttpRequest> headers)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var context = await factory.Server.SendAsync(
            http =>
            {
                http.Request.Method = method;
                http.Request.Path = pathAndQuery[..query];
                http.Request.QueryString = new QueryString(pathAndQuery[query..]);
                headers(http.Request);
                http.Features.Set<IHttpRequestLifetimeFeature>(new Abandoned());
            },
            TestContext.Current.CancellationToken);
        return context.Response;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private sealed record Shop(string Origin, string Token, Guid ShopperId);

    /// <summary>A request whose client has already gone: its RequestAborted token is cancelled from the start.</summary>
    private sealed class Abandoned : IHttpRequestLifetimeFeature
    {
        public CancellationToken RequestAborted { get; set; } = new(canceled: true);

        public void Abort()
        {
        }
    }

    /// <summary>
    /// Plays the browser's part of CORS for the .NET client: each request is preflighted with its method and
    /// headers, the preflight must allow them, and the real request's answer must name the page's origin and allow
    /// credentials (the browser client sends them by default), or the request fails as a browser's fetch would.
    /// </summary>
    private sealed class BrowserCors(string origin, HttpMessageHandler server) : DelegatingHandler(server)
    {
        private static readonly HashSet<string> BrowserManaged = new(StringComparer.OrdinalIgnoreCase) { "accept", "accept-language", "content-language", "user-agent", "cache-control", "pragma" };

        public string Origin => origin;

        public List<string> Refusals { get; } = [];

        public List<string> Preflighted { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Headers.Select(h => h.Key).Concat(request.Content?.Headers.Select(h => h.Key) ?? [])
                .Where(h => !BrowserManaged.Contains(h) && !h.Equals("content-length", StringComparison.OrdinalIgnoreCase))
                .Select(h => h.ToLowerInvariant()).Distinct().Order().ToList();
            using var preflight = new HttpRequestMessage(HttpMethod.Options, request.RequestUri);
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", request.Method.Method);
            if (headers.Count > 0)
            {
                preflight.Headers.Add("Access-Control-Request-Headers", string.Join(",", headers));
            }

            using var allowed = await base.SendAsync(preflight, cancellationToken);
            var methods = Header(allowed, "Access-Control-Allow-Methods") ?? string.Empty;
            var allowedHeaders = (Header(allowed, "Access-Control-Allow-Headers") ?? string.Empty).ToLowerInvariant().Split(',').Select(h => h.Trim()).ToHashSet();
            if (Header(allowed, "Access-Control-Allow-Origin") != origin || Header(allowed, "Access-Control-Allow-Credentials") != "true"
                || !methods.Contains(request.Method.Method, StringComparison.Ordinal) || !headers.All(allowedHeaders.Contains))
            {
                return Refuse($"preflight of {request.Method} {request.RequestUri}");
            }

            lock (Refusals)
            {
                Preflighted.Add(request.Method.Method);
            }

            request.Headers.Add("Origin", origin);
            var response = await base.SendAsync(request, cancellationToken);
            if (Header(response, "Access-Control-Allow-Origin") != origin || Header(response, "Access-Control-Allow-Credentials") != "true")
            {
                response.Dispose();
                return Refuse($"{request.Method} {request.RequestUri} (answered {(int)response.StatusCode})");
            }

            return response;
        }

        private HttpResponseMessage Refuse(string what)
        {
            lock (Refusals)
            {
                Refusals.Add(what);
            }

            throw new HttpRequestException($"CORS refused the {what} from {origin}.");
        }
    }
}
