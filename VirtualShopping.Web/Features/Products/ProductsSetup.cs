using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Products;

internal static class ProductsSetup
{
    /// <summary>The product catalogue's services: the feed import, its download and its schedule.</summary>
    public static IServiceCollection AddProducts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProductFeedOptions>().Bind(configuration.GetSection(ProductFeedOptions.Section))
            .Validate(o => o.MaxBytes > 0 && o.MaxUnpackedBytes > 0 && o.Timeout > TimeSpan.Zero && o.MaxRedirects >= 0, "ProductFeeds limits must be positive.")
            .Validate<IHostEnvironment>(
                (o, environment) => !o.AllowInsecureLoopbackForTests || environment.IsEnvironment("Testing"),
                "ProductFeeds:AllowInsecureLoopbackForTests is for tests only.")
            .ValidateOnStart();
        services.AddSingleton<ProductImportGate>();
        services.AddScoped<ProductImporter>();
        services.AddSingleton<ProductFeedUploads>();
        services.AddScoped<ProductFeedJob>();
        services.AddScoped<ProductFeedJobs>();
        services.AddScoped<ProductCatalog>();
        services.AddScoped<ProductShares>();
        services.AddScoped<ShareLinkVisits>();
        services.AddScoped<OneOffShares>();
        services.AddMemoryCache();
        services.AddOptions<ShareLinkOptions>().Bind(configuration.GetSection(ShareLinkOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ShareLinkLimits>();
        services.AddScoped<ProductPicker>();
        services.AddHttpClient<ProductFeedDownloader>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Redirects are followed by the downloader, which checks each target; the body is unpacked by it, bounded.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                ConnectTimeout = TimeSpan.FromSeconds(30),
            });
        return services;
    }

    /// <summary>
    /// At start-up: imports left Running by an app instance that stopped (their lease ran out) are failed and their
    /// staged rows deleted; then every merchant's recurring feed import, as its Account settings say.
    /// </summary>
    public static void ScheduleProductFeeds(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        try
        {
            using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContext();
            var abandoned = ProductImporter.FailAbandonedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), allMerchants: true, CancellationToken.None)
                .GetAwaiter().GetResult();
            if (abandoned > 0)
            {
                scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProductsSetup)).AbandonedImportsFailedAtStartUp(abandoned);
            }

            scope.ServiceProvider.GetRequiredService<ProductFeedJobs>().ReconcileAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (DbException e)
        {
            // A database not yet migrated (the app started without migrating): the next settings save schedules it.
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProductsSetup)).FeedsNotScheduled(e);
        }
    }
}
