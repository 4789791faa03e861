using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Tests.Support;

/// <summary>HTTP clients for the two sides of a chat, signed in the way the Store App and the widget are.</summary>
public static class ChatClients
{
    public static readonly string[] ExpertEvents =
        [ChatHubEvents.OfferReceived, ChatHubEvents.OfferWithdrawn, ChatHubEvents.AvailabilityChanged, ChatHubEvents.ChatChanged, ChatHubEvents.MessageReceived, ChatHubEvents.IdleWarning, ChatHubEvents.Typing, ChatHubEvents.Read];

    public static readonly string[] ShopperEvents = [ChatHubEvents.ChatChanged, ChatHubEvents.MessageReceived, ChatHubEvents.IdleWarning, ChatHubEvents.Typing, ChatHubEvents.Read];

    /// <summary>Signs an expert in through POST /api/v1/expert/token and returns a client carrying the bearer token.</summary>
    public static async Task<(HttpClient Client, string Token)> ExpertAsync<T>(WebApplicationFactory<T> factory, string email, string password = RoutingWorld.Password)
        where T : class
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/v1/expert/token", new { email, password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Token for {email}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var token = (await response.Content.ReadAsync<TokenResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (client, token);
    }

    /// <summary>Starts a shopper session for a widget key and returns a client carrying the session token.</summary>
    public static async Task<(HttpClient Client, string Token, Guid ShopperId)> ShopperAsync<T>(WebApplicationFactory<T> factory, string widgetKey)
        where T : class
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsync($"/api/v1/widget/{widgetKey}/session", null);
        response.EnsureSuccessStatusCode();
        var session = (await response.Content.ReadAsync<ShopperSessionResponse>())!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        return (client, session.Token, session.ShopperId);
    }

    public sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn);
}
