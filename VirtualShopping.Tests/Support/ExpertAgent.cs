using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// An expert working through the Store App API of an app on a real address (a browser test's Kestrel): a token
/// from POST /api/v1/expert/token, available, connected to /hubs/expert, claiming offers and chatting over
/// REST while every push lands in <see cref="Hub"/>. Payloads stay JSON, so the agent reads what the wire carries.
/// </summary>
public sealed class ExpertAgent : IAsyncDisposable
{
    public static readonly string[] Events =
        [ChatHubEvents.OfferReceived, ChatHubEvents.OfferWithdrawn, ChatHubEvents.AvailabilityChanged, ChatHubEvents.ChatChanged, ChatHubEvents.MessageReceived, ChatHubEvents.IdleWarning, "typing", "read"];

    private readonly List<Guid> chats = [];

    private ExpertAgent(HttpClient client, HubEvents hub)
    {
        Client = client;
        Hub = hub;
    }

    public HttpClient Client { get; }

    public HubEvents Hub { get; }

    /// <summary>Signs in, connects to the expert hub and goes available.</summary>
    public static async Task<ExpertAgent> OnlineAsync(Uri appBaseAddress, string email, string password)
    {
        var client = new HttpClient { BaseAddress = appBaseAddress };
        var response = await client.PostAsJsonAsync("/api/v1/expert/token", new { email, password });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token for {email}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var hub = await HubEvents.ConnectAsync(appBaseAddress, "/hubs/expert", token, Events);
        var agent = new ExpertAgent(client, hub);
        await agent.SetAvailableAsync(true);
        return agent;
    }

    public async Task SetAvailableAsync(bool available) =>
        (await Client.PutAsJsonAsync("/api/v1/expert/availability", new { available })).EnsureSuccessStatusCode();

    /// <summary>Waits for the next offer and claims it; returns the claimed chat.</summary>
    public async Task<JsonElement> ClaimNextOfferAsync()
    {
        var offer = await Hub.NextAsync<JsonElement>(ChatHubEvents.OfferReceived);
        var response = await Client.PostAsync($"/api/v1/expert/offers/{offer.GetProperty("offerId").GetGuid()}/claim", null);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Claim: {response.StatusCode} {body}");
        }

        var chat = JsonDocument.Parse(body).RootElement.Clone();
        chats.Add(chat.GetProperty("id").GetGuid());
        return chat;
    }

    public async Task<JsonElement> SendAsync(Guid chatId, string text)
    {
        var response = await Client.PostAsJsonAsync($"/api/v1/expert/chats/{chatId}/messages", new { text, clientMessageId = Guid.NewGuid().ToString() });
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.Clone() : throw new InvalidOperationException($"Send: {response.StatusCode} {body}");
    }

    /// <summary>Says the expert is typing (POST .../typing), as the Store App does at most every 2 s while typing.</summary>
    public async Task TypingAsync(Guid chatId) =>
        (await Client.PostAsync($"/api/v1/expert/chats/{chatId}/typing", null)).EnsureSuccessStatusCode();

    /// <summary>Marks the chat read up to a sequence number.</summary>
    public async Task MarkReadAsync(Guid chatId, int sequence) =>
        (await Client.PostAsJsonAsync($"/api/v1/expert/chats/{chatId}/read", new { sequence })).EnsureSuccessStatusCode();

    /// <summary>Sends a file as an attachment; returns the response (201 MessageView or a problem).</summary>
    public async Task<HttpResponseMessage> SendAttachmentAsync(Guid chatId, byte[] content, string fileName, string contentType)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        form.Add(new StringContent(Guid.NewGuid().ToString()), "clientMessageId");
        return await Client.PostAsync($"/api/v1/expert/chats/{chatId}/attachments", form);
    }

    /// <summary>The chat's messages as the expert sees them (cart messages included).</summary>
    public async Task<JsonElement> MessagesAsync(Guid chatId, int after = 0) =>
        await Client.GetFromJsonAsync<JsonElement>($"/api/v1/expert/chats/{chatId}/messages?after={after}");

    /// <summary>The next message pushed to the expert that is wanted, passing over others.</summary>
    public Task<JsonElement> NextMessageAsync(Func<JsonElement, bool> wanted) => Hub.NextAsync(ChatHubEvents.MessageReceived, wanted);

    public async Task CloseAsync(Guid chatId) =>
        (await Client.PostAsync($"/api/v1/expert/chats/{chatId}/close", null)).EnsureSuccessStatusCode();

    /// <summary>Closes the chats this agent claimed (so the next test finds the expert under their chat limit) and goes offline.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var chat in chats)
        {
            await Client.PostAsync($"/api/v1/expert/chats/{chat}/close", null);
        }

        await Client.PutAsJsonAsync("/api/v1/expert/availability", new { available = false });
        await Hub.DisposeAsync();
        Client.Dispose();
    }
}
