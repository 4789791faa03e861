namespace VirtualShopping.Web.Features.Products;

internal static class ProductsSetup
{
    /// <summary>The product catalogue's services: the feed import.</summary>
    public static IServiceCollection AddProducts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ProductImportGate>();
        services.AddScoped<ProductImporter>();
        return services;
    }
}
