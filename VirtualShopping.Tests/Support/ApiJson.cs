using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VirtualShopping.Tests.Support;

/// <summary>JSON the way the API writes it (enums as strings), for reading its answers in tests.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static Task<T?> ReadAsync<T>(this HttpContent content) => content.ReadFromJsonAsync<T>(Options);

    public static Task<T?> GetJsonAsync<T>(this HttpClient client, string url) => client.GetFromJsonAsync<T>(url, Options);
}
