using System.Collections.Concurrent;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Delivers chat events to the dashboard inbox circuits of this app instance, the way the hubs deliver them to
/// Store Apps and widgets: <see cref="HubChatNotifier"/> publishes every push here too. A circuit subscribes for its
/// merchant and filters what concerns it; a handler that throws is logged and never stops the others.
/// </summary>
public sealed partial class InboxBus(ILogger<InboxBus> logger)
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Func<InboxEvent, Task>>> subscribers = new();

    /// <summary>Subscribes to the merchant's events until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Guid merchantId, Func<InboxEvent, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var id = Guid.NewGuid();
        subscribers.GetOrAdd(merchantId, _ => new()).TryAdd(id, handler);
        return new Subscription(() =>
        {
            if (subscribers.TryGetValue(merchantId, out var handlers))
            {
                handlers.TryRemove(id, out _);
            }
        });
    }

    /// <summary>How many circuits listen for the merchant (for tests and the benchmark).</summary>
    public int SubscriberCount(Guid merchantId) => subscribers.TryGetValue(merchantId, out var handlers) ? handlers.Count : 0;

    public async Task PublishAsync(InboxEvent inboxEvent)
    {
        ArgumentNullException.ThrowIfNull(inboxEvent);
        if (!subscribers.TryGetValue(inboxEvent.MerchantId, out var handlers) || handlers.IsEmpty)
        {
            return;
        }

        foreach (var handler in handlers.Values)
        {
            try
            {
                await handler(inboxEvent);
            }
#pragma warning disable CA1031 // One circuit's failure must not keep the event from the others.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogHandlerFailed(e, inboxEvent.Kind);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An inbox circuit failed to handle {Kind}.")]
    private partial void LogHandlerFailed(Exception exception, InboxEventKind kind);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref dispose, null)?.Invoke();
    }
}
