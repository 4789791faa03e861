using Microsoft.AspNetCore.SignalR;

namespace VirtualShopping.Benchmarks;

/// <summary>The baseline: a hub that only relays a message to a group, with no REST, database or auth in the way.</summary>
internal sealed class EchoHub : Hub
{
    public const string Path = "/hubs/echo";
    public const string MessageReceived = "messageReceived";

    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    public Task Relay(string group, string clientMessageId, string text) =>
        Clients.Group(group).SendAsync(MessageReceived, new EchoMessage(clientMessageId, text));
}
