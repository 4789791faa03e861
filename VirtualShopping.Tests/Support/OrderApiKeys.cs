using System.Net.Http.Headers;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Features.Orders;

namespace VirtualShopping.Tests.Support;

/// <summary>Order API keys for tests: created through the app's own service (as the Integrations page does) and a client that sends one.</summary>
public static class OrderApiKeys
{
    public static async Task<CreatedApiKey> CreateAsync(VirtualShoppingFactory factory, Guid merchantId, string name = "Order system")
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        return await scope.ServiceProvider.GetRequiredService<MerchantApiKeys>().CreateAsync(name);
    }

    public static async Task RevokeAsync(VirtualShoppingFactory factory, Guid merchantId, Guid keyId)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        await scope.ServiceProvider.GetRequiredService<MerchantApiKeys>().RevokeAsync(keyId);
    }

    /// <summary>A client of the merchant's back end: no cookies, the key as a bearer token.</summary>
    public static HttpClient Client(VirtualShoppingFactory factory, string key)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
