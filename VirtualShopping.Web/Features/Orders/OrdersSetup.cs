namespace VirtualShopping.Web.Features.Orders;

internal static class OrdersSetup
{
    /// <summary>Orders: their intake (widget, order API, Shopify webhook), API keys, and attribution.</summary>
    public static IServiceCollection AddOrders(this IServiceCollection services)
    {
        services.AddSingleton<OrderAttributor>();
        services.AddScoped<OrderIntake>();
        services.AddScoped<MerchantApiKeys>();
        return services;
    }

    /// <summary>The order API and the Shopify webhook.</summary>
    public static void MapOrderEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOrderApiEndpoints();
        app.MapShopifyWebhookEndpoints();
    }
}
