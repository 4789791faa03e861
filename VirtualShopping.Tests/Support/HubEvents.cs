using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// A real SignalR connection (WebSockets over the test server, token in the query string as browsers send it)
/// that queues every pushed event, so a test can wait for the next one of a kind.
/// </summary>
public sealed class HubEvents : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly Dictionary<string, Channel<JsonElement>> events = [];
    private readonly TaskCompletionSource<Exception?> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubEvents(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    /// <summary>Completes (with the server's reason, if any) when the connection closes.</summary>
    public Task<Exception?> Closed => closed.Task;

    public static async Task<HubEvents> ConnectAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> factory, string path, string token, params string[] eventNames)
        where TEntryPoint : class
    {
        var server = factory.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.WebSocketFactory = async (context, cancellationToken) =>
                {
                    // As a browser does: WebSockets cannot carry headers, so the token goes in the query string.
                    var client = server.CreateWebSocketClient();
                    var separator = string.IsNullOrEmpty(context.Uri.Query) ? "?" : "&";
                    var uri = new Uri(context.Uri + separator + "access_token=" + Uri.EscapeDataString(token));
                    return await client.ConnectAsync(uri, cancellationToken);
                };
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        return await StartAsync(connection, eventNames);
    }

    /// <summary>A connection to a hub of an app on a real address (a browser test's Kestrel), as the Store App makes it.</summary>
    public static Task<HubEvents> ConnectAsync(Uri baseAddress, string path, string token, params string[] eventNames)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        return StartAsync(connection, eventNames);
    }

    private static async Task<HubEvents> StartAsync(HubConnection connection, string[] eventNames)
    {
        var hub = new HubEvents(connection);
        foreach (var name in eventNames)
        {
            var channel = Channel.CreateUnbounded<JsonElement>();
            hub.events[name] = channel;
            connection.On<JsonElement>(name, payload => channel.Writer.TryWrite(payload));
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonElement>("ready", _ => ready.TrySetResult());
        connection.Closed += error =>
        {
            hub.closed.TrySetResult(error);

            // A connection the server refuses closes before it is ready.
            ready.TrySetException(error ?? new InvalidOperationException("The server closed the connection."));
            return Task.CompletedTask;
        };
        await connection.StartAsync();

        // The handshake completes before the server has registered the connection; "ready" says it has.
        await ready.Task.WaitAsync(Patience);
        return hub;
    }

    /// <summary>The next event of this kind, waiting up to 15 seconds for it.</summary>
    public async Task<T> NextAsync<T>(string name)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            var payload = await events[name].Reader.ReadAsync(timeout.Token);
            return payload.Deserialize<T>(ApiJson.Options)!;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No '{name}' event within {Patience.TotalSeconds} s.");
        }
    }

    /// <summary>The next event of this kind that is wanted, passing over the others.</summary>
    public async Task<T> NextAsync<T>(string name, Func<T, bool> wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        while (true)
        {
            var next = await NextAsync<T>(name);
            if (wanted(next))
            {
                return next;
            }
        }
    }

    /// <summary>Events of this kind received so far and not yet read.</summary>
    public List<T> Drain<T>(string name)
    {
        var list = new List<T>();
        while (events[name].Reader.TryRead(out var payload))
        {
            list.Add(payload.Deserialize<T>(ApiJson.Options)!);
        }

        return list;
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
