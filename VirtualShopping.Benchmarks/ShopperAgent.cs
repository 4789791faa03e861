using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// A shopper's chat widget: a session, the shopper hub, one chat about shoes that waits until an expert
/// claims it (chatChanged with status Active), then messages sent over REST or the hub.
/// </summary>
internal sealed class ShopperAgent : IAsyncDisposable
{
    private readonly HttpClient api;
    private readonly string widgetKey;
    private readonly int number;
    private readonly TaskCompletionSource<ChatView> settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection? hub;

    private ShopperAgent(HttpClient api, string widgetKey, int number)
    {
        this.api = api;
        this.widgetKey = widgetKey;
        this.number = number;
    }

    /// <summary>The chat once an expert has claimed it; null before, or when it never was.</summary>
    public ChatView? Chat { get; private set; }

    /// <summary>Starts a session (POST /api/v1/widget/{key}/session) and connects to /hubs/shopper.</summary>
    public static async Task<ShopperAgent> ConnectAsync(HttpMessageHandler handler, Uri baseAddress, string widgetKey, int number)
    {
        var api = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var shopper = new ShopperAgent(api, widgetKey, number);
        try
        {
            using var response = await api.PostAsync(new Uri($"/api/v1/widget/{widgetKey}/session", UriKind.Relative), null);
            response.EnsureSuccessStatusCode();
            var session = await response.Content.ReadAsync<ShopperSessionResponse>();
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);

            shopper.hub = HubConnections.Build(new Uri(baseAddress, ShopperHub.Path), session.Token);
            shopper.hub.On<ChatView>(ChatHubEvents.ChatChanged, chat =>
            {
                if (chat.Status != ChatStatus.Waiting)
                {
                    shopper.settled.TrySetResult(chat);
                }
            });
            shopper.hub.On<JsonElement>(ChatHubEvents.MessageReceived, _ => { });
            shopper.hub.On<JsonElement>(ChatHubEvents.IdleWarning, _ => { });
            await shopper.hub.StartAsync();
            return shopper;
        }
        catch
        {
            await shopper.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a chat and waits until it is claimed; false (with the reason tallied) when it is not within the patience.</summary>
    public async Task<bool> StartChatAndWaitForExpertAsync(Guid departmentId, TimeSpan patience, ProblemTally problems)
    {
        using var deadline = new CancellationTokenSource(patience);
        ChatView started;
        try
        {
            using var response = await api.PostAsJsonAsync(
                $"/api/v1/widget/{widgetKey}/chats",
                new { departmentId, language = "en", name = string.Create(CultureInfo.InvariantCulture, $"Shopper {number}") },
                deadline.Token);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                problems.Add(response.StatusCode == HttpStatusCode.OK
                    ? "start chat answered out of hours"
                    : string.Create(CultureInfo.InvariantCulture, $"start chat answered {(int)response.StatusCode}"));
                return false;
            }

            started = await response.Content.ReadAsync<ChatView>();
        }
        catch (OperationCanceledException)
        {
            problems.Add($"start chat took longer than {patience.TotalSeconds:0} s");
            return false;
        }
        catch (HttpRequestException e)
        {
            problems.Add($"start chat failed: {e.Message}");
            return false;
        }

        try
        {
            var chat = await settled.Task.WaitAsync(deadline.Token);
            if (chat.Status == ChatStatus.Active && chat.Id == started.Id)
            {
                Chat = chat;
                return true;
            }

            problems.Add($"chat became {chat.Status} instead of Active");
            return false;
        }
        catch (OperationCanceledException)
        {
            // Tell apart "nobody claimed it" from "claimed, but the push never reached the shopper".
            var now = await CurrentStatusAsync(started.Id);
            problems.Add(now == ChatStatus.Active
                ? "chat claimed, but the shopper hub never got chatChanged"
                : $"chat not claimed within {patience.TotalSeconds:0} s (status {now?.ToString() ?? "unknown"})");
            return false;
        }
    }

    /// <summary>
    /// Sends messages one after another, each awaited until the server acknowledges it (the POST's 201, or the hub
    /// invocation's MessageView), and waits for the claiming expert's hub to receive each. A realistic shopper
    /// thinks 1–3 s, then types for 2–5 s (a typing signal every 2 s, as the widget sends them) before each message.
    /// </summary>
    public async Task SendMessagesAsync(int count, MessageTracker tracker, ChatLoadMetrics metrics, TimeSpan patience, MessageTransport transport = MessageTransport.Rest, bool humanSpeed = false)
    {
        var chat = Chat ?? throw new InvalidOperationException("No claimed chat to write in.");
        var arrivals = new List<(string Id, Task<double> Arrival)>();
        var random = new Random(number);
        for (var i = 1; i <= count; i++)
        {
            if (humanSpeed)
            {
                await TypeLikeAPersonAsync(chat.Id, random, metrics);
            }

            var id = string.Create(CultureInfo.InvariantCulture, $"bench-{number}-{i}");
            var text = string.Create(CultureInfo.InvariantCulture, $"Do you have these in size {36 + i}?");
            var arrival = tracker.Expect(id, chat.ExpertName);
            var sentAt = Stopwatch.GetTimestamp();
            var problem = transport == MessageTransport.Hub ? await SendOverHubAsync(chat.Id, text, id) : await SendOverRestAsync(chat.Id, text, id);
            if (problem is not null)
            {
                tracker.Forget(id);
                metrics.Problems.Add(problem);
                continue;
            }

            metrics.AckLatency.Add(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
            arrivals.Add((id, arrival));
        }

        using var deadline = new CancellationTokenSource(patience);
        foreach (var (id, arrival) in arrivals)
        {
            try
            {
                metrics.MessageLatency.Add(await arrival.WaitAsync(deadline.Token));
            }
            catch (OperationCanceledException)
            {
                tracker.Forget(id);
                metrics.Problems.Add($"message stored but not pushed to the expert within {patience.TotalSeconds:0} s");
            }
        }
    }

    /// <summary>POST .../messages; null when it was stored (201), else what went wrong.</summary>
    private async Task<string?> SendOverRestAsync(Guid chatId, string text, string clientMessageId)
    {
        try
        {
            using var response = await api.PostAsJsonAsync($"/api/v1/widget/{widgetKey}/chats/{chatId}/messages", new { text, clientMessageId });
            return response.StatusCode == HttpStatusCode.Created ? null : string.Create(CultureInfo.InvariantCulture, $"send message answered {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return $"send message failed: {e.GetType().Name}";
        }
    }

    /// <summary>ShopperHub.SendMessage(chatId, text, clientMessageId); null when it answered the stored message.</summary>
    private async Task<string?> SendOverHubAsync(Guid chatId, string text, string clientMessageId)
    {
        try
        {
            var stored = await hub!.InvokeAsync<MessageView>(HubMessaging.SendMessage, chatId, text, clientMessageId);
            return stored.ClientMessageId == clientMessageId ? null : "hub SendMessage answered another message";
        }
        catch (HubException e)
        {
            return $"hub SendMessage refused: {e.Message}";
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or TaskCanceledException)
        {
            return $"hub SendMessage failed: {e.GetType().Name}";
        }
    }

    /// <summary>Thinks 1–3 s, then types for 2–5 s with a typing signal (ShopperHub.Typing) at once and every 2 s.</summary>
    private async Task TypeLikeAPersonAsync(Guid chatId, Random random, ChatLoadMetrics metrics)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1_000, 3_000)));
        var typing = TimeSpan.FromMilliseconds(random.Next(2_000, 5_000));
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                await hub!.InvokeAsync(nameof(ShopperHub.Typing), chatId);
                metrics.Typed();
            }
            catch (Exception e) when (e is HubException or InvalidOperationException or IOException)
            {
                metrics.Problems.Add($"typing signal failed: {e.GetType().Name}");
            }

            var left = typing - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(left < TimeSpan.FromSeconds(2) ? left : TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>Ends the chat (POST .../end), freeing the expert's slot.</summary>
    public async Task EndChatAsync()
    {
        if (Chat is { } chat)
        {
            using var response = await api.PostAsync(new Uri($"/api/v1/widget/{widgetKey}/chats/{chat.Id}/end", UriKind.Relative), null);
        }
    }

    private async Task<ChatStatus?> CurrentStatusAsync(Guid chatId)
    {
        try
        {
            return (await api.GetFromJsonAsync<ChatView>($"/api/v1/widget/{widgetKey}/chats/{chatId}", ApiJson.Options))?.Status;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (hub is not null)
        {
            await hub.DisposeAsync();
        }

        api.Dispose();
    }
}
