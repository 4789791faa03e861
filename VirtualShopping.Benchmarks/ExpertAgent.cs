using System.Diagnostics;
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
/// An expert's Store App that claims every offer the moment it arrives (or, <see cref="Realistic"/>, after a look): signs in for a token, connects to the
/// expert hub, goes available, and times each claim from the offer's arrival to the 200. Losing a race (409)
/// is counted by reason, not as an error.
/// </summary>
internal sealed class ExpertAgent : IAsyncDisposable
{
    private readonly HttpClient api;
    private readonly ChatLoadMetrics metrics;
    private readonly MessageTracker tracker;
    private HubConnection? hub;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, bool> withdrawn = new();
    private volatile bool available;

    private ExpertAgent(HttpClient api, string token, ChatLoadMetrics metrics, MessageTracker tracker)
    {
        this.api = api;
        Token = token;
        this.metrics = metrics;
        this.tracker = tracker;
    }

    public string Token { get; }

    /// <summary>The display name the app puts on the chats this expert claims (ChatView.ExpertName).</summary>
    public string? Name { get; private set; }

    /// <summary>
    /// A person rather than a herd: each offer is looked at for 1–10 s, then declined (one in ten) or claimed, unless it
    /// was withdrawn meanwhile.
    /// Off: every offer is claimed the moment it arrives.
    /// </summary>
    public bool Realistic { get; set; }

    public bool Available => available;

    /// <summary>Claims over the hub connection (ExpertHub.ClaimOffer) instead of POST .../offers/{id}/claim.</summary>
    public bool ClaimOverHub { get; set; }

    /// <summary>Signs in through POST /api/v1/expert/token, as the Store App does.</summary>
    public static async Task<ExpertAgent> SignInAsync(HttpMessageHandler handler, Uri baseAddress, string email, ChatLoadMetrics metrics, MessageTracker tracker)
    {
        var api = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            using var response = await api.PostAsJsonAsync("/api/v1/expert/token", new { email, password = BenchmarkWorld.Password });
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"Token for {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            var token = (await response.Content.ReadAsync<TokenAnswer>()).AccessToken;
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return new ExpertAgent(api, token, metrics, tracker);
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    /// <summary>Connects to /hubs/expert over WebSockets and goes available (PUT /api/v1/expert/availability).</summary>
    public async Task ConnectAndGoAvailableAsync()
    {
        using (var me = await api.GetAsync("/api/v1/expert/me"))
        {
            me.EnsureSuccessStatusCode();
            Name = (await me.Content.ReadAsync<ExpertProfile>()).Name;
        }

        hub = HubConnections.Build(new Uri(api.BaseAddress!, ExpertHub.Path), Token);
        // A statement body makes this an Action: the client then does not wait for one claim before it hands over the next
        // offer (an expression `_ = ClaimAsync(...)` is a Func<OfferView, Task>, which the client awaits, one at a time).
        hub.On<OfferView>(ChatHubEvents.OfferReceived, offer =>
        {
            metrics.HubMessage();
            _ = Realistic ? ConsiderAsync(offer) : ClaimAsync(offer, Stopwatch.GetTimestamp());
        });
        hub.On<MessageView>(ChatHubEvents.MessageReceived, message =>
        {
            metrics.HubMessage();
            if (message.Sender == MessageSender.Shopper && !tracker.Arrived(message.ClientMessageId, Name!))
            {
                metrics.Problems.Add("message pushed to an expert who does not hold the chat");
            }
        });
        hub.On<OfferWithdrawnView>(ChatHubEvents.OfferWithdrawn, gone =>
        {
            metrics.HubMessage();
            if (Realistic)
            {
                withdrawn[gone.OfferId] = true;
            }
        });
        foreach (var ignored in new[] { ChatHubEvents.AvailabilityChanged, ChatHubEvents.ChatChanged, ChatHubEvents.IdleWarning })
        {
            hub.On<JsonElement>(ignored, _ => metrics.HubMessage());
        }

        await hub.StartAsync();
        await SetAvailableAsync(true);
    }

    /// <summary>PUT /api/v1/expert/availability, as the Store App's switch does.</summary>
    public async Task SetAvailableAsync(bool value)
    {
        using var availability = await api.PutAsJsonAsync("/api/v1/expert/availability", new { available = value });
        availability.EnsureSuccessStatusCode();
        available = value;
    }

    /// <summary>ExpertHub.ClaimOffer: the chat when won, else the reason (as the REST 409's); a HubException is a problem.</summary>
    private async Task ClaimOverHubAsync(OfferView offer, long receivedAt)
    {
        metrics.ClaimStarted();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var answer = await hub!.InvokeAsync<JsonElement>(HubMessaging.ClaimOffer, offer.OfferId, timeout.Token);
            metrics.HubMessage(2);
            if (answer.GetProperty("claimed").GetBoolean())
            {
                metrics.ClaimLatency.Add(Stopwatch.GetElapsedTime(receivedAt).TotalMilliseconds);
            }
            else
            {
                metrics.ClaimConflicts.Add(answer.GetProperty("reason").GetString() ?? "(no reason)");
            }
        }
        catch (HubException e)
        {
            metrics.Problems.Add($"claim refused over the hub: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            metrics.Problems.Add("claim timed out");
        }
        catch (InvalidOperationException e)
        {
            metrics.Problems.Add($"claim failed: {e.Message}");
        }
        finally
        {
            metrics.ClaimEnded();
        }
    }

    /// <summary>A person looks at the offer for 1–10 s, then declines it (one in ten) or claims it; claim latency starts when they press.</summary>
    private async Task ConsiderAsync(OfferView offer)
    {
        metrics.ClaimStarted();
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1_000, 10_000)));
            if (!available || withdrawn.TryRemove(offer.OfferId, out _))
            {
                // The offer left the screen (a colleague claimed it, or the expert stepped away): nothing to press.
                return;
            }

            if (Random.Shared.Next(10) == 0)
            {
                await DeclineAsync(offer);
                return;
            }

            await ClaimAsync(offer, Stopwatch.GetTimestamp());
        }
        finally
        {
            metrics.ClaimEnded();
        }
    }

    private async Task DeclineAsync(OfferView offer)
    {
        try
        {
            using var response = await api.PostAsJsonAsync($"/api/v1/expert/offers/{offer.OfferId}/decline", new { goUnavailable = false });
            if (response.IsSuccessStatusCode)
            {
                metrics.Declined();
            }
            else if (response.StatusCode == HttpStatusCode.Conflict)
            {
                metrics.ClaimConflicts.Add("decline: offer no longer open");
            }
            else
            {
                metrics.Problems.Add($"decline answered {(int)response.StatusCode}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            metrics.Problems.Add($"decline failed: {e.GetType().Name}");
        }
    }

    private async Task ClaimAsync(OfferView offer, long receivedAt)
    {
        if (ClaimOverHub)
        {
            await ClaimOverHubAsync(offer, receivedAt);
            return;
        }

        metrics.ClaimStarted();
        try
        {
            using var response = await api.PostAsync(new Uri($"/api/v1/expert/offers/{offer.OfferId}/claim", UriKind.Relative), null);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    metrics.ClaimLatency.Add(Stopwatch.GetElapsedTime(receivedAt).TotalMilliseconds);
                    break;
                case HttpStatusCode.Conflict:
                    metrics.ClaimConflicts.Add(await response.Content.ProblemReasonAsync());
                    break;
                default:
                    metrics.Problems.Add($"claim answered {(int)response.StatusCode}");
                    break;
            }
        }
        catch (HttpRequestException e)
        {
            metrics.Problems.Add($"claim failed: {e.Message}");
        }
        catch (TaskCanceledException)
        {
            metrics.Problems.Add("claim timed out");
        }
        finally
        {
            metrics.ClaimEnded();
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

    private sealed record TokenAnswer(string AccessToken);
}
