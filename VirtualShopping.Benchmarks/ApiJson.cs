using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VirtualShopping.Benchmarks;

/// <summary>JSON as the API writes it (web defaults, enums as strings).</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> ReadAsync<T>(this HttpContent content) =>
        await content.ReadFromJsonAsync<T>(Options) ?? throw new InvalidOperationException($"The answer held no {typeof(T).Name}.");

    /// <summary>The "reason" extension of a problem details answer (as the claim endpoint gives on 409), or "unknown".</summary>
    public static async Task<string> ProblemReasonAsync(this HttpContent content)
    {
        try
        {
            using var document = JsonDocument.Parse(await content.ReadAsStringAsync());
            return document.RootElement.TryGetProperty("reason", out var reason) ? reason.ToString() : "unknown";
        }
        catch (JsonException)
        {
            return "unknown";
        }
    }
}
