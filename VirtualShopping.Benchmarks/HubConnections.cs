using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace VirtualShopping.Benchmarks;

/// <summary>SignalR client connections as the Store App and the widget make them (WebSockets, bearer token, enums as strings), without negotiation.</summary>
internal static class HubConnections
{
    public static HubConnection Build(Uri url, string? token)
    {
        return new HubConnectionBuilder()
            .WithUrl(url, o =>
            {
                o.Transports = HttpTransportType.WebSockets;

                // Straight to the WebSocket, without the negotiate request: each negotiate left an idle pooled HTTP
                // connection behind (two more file descriptors and a Kestrel connection per hub connection), which at
                // 5,000 connections ran the process out of file descriptors.
                o.SkipNegotiation = true;
                if (token is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
    }
}
