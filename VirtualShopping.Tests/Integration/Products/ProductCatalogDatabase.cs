using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Products;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Tests.Integration.Products;

/// <summary>A real SQLite file with the app's migrations and merchants with account settings, for the import and its job.</summary>
internal sealed class ProductCatalogDatabase : IAsyncDisposable
{
    private readonly TestDatabase file;

    private ProductCatalogDatabase(ServiceProvider services, TestDatabase file)
    {
        Services = services;
        this.file = file;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    public ProductImportGate Gate { get; } = new();

    public static async Task<ProductCatalogDatabase> CreateAsync(Action<IServiceCollection>? configure = null)
    {
        var file = new TestDatabase();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:VirtualShopping"] = file.ConnectionString,
        }).Build();
        var collection = new ServiceCollection()
            .AddLogging()
            .AddInfrastructure(configuration)
            .AddScoped(_ => new MerchantScope(() => null))
            .AddScoped<ICurrentMerchant>(sp => sp.GetRequiredService<MerchantScope>());
        configure?.Invoke(collection);
        var database = new ProductCatalogDatabase(collection.BuildServiceProvider(), file);
        await using var scope = database.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return database;
    }

    /// <summary>A merchant with account settings in <paramref name="currency"/> and, if given, a feed URL and schedule.</summary>
    public async Task<Guid> AddMerchantAsync(string name, string currency = "EUR", string? feedUrl = null, ProductFeedSchedule schedule = ProductFeedSchedule.Manual)
    {
        var merchant = new Merchant { Name = name, PublicWidgetKey = WidgetKey.Generate(), InviteCode = InviteCode.Generate(), CreatedAt = Clock.GetUtcNow() };
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchant.Id);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
        db.Merchants.Add(merchant);
        db.AccountSettings.Add(new AccountSettings { Currency = currency, TimeZoneId = "Europe/Paris", ProductFeedUrl = feedUrl, ProductFeedSchedule = schedule });
        await db.SaveChangesAsync();
        return merchant.Id;
    }

    public async Task<ProductImport> ImportAsync(Guid merchantId, Stream feed, string sourceName = "feed.csv")
    {
        await using var scope = Services.CreateAsyncScope();
        return await Importer(scope.ServiceProvider).ImportAsync(merchantId, feed, ProductImportSource.Upload, sourceName, null, null, CancellationToken.None);
    }

    public ProductImporter Importer(IServiceProvider scoped) => new(
        scoped.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>(),
        scoped.GetRequiredService<MerchantScope>(),
        Gate,
        Clock,
        NullLogger<ProductImporter>.Instance);

    /// <summary>Reads a merchant's rows of any catalogue set, as that merchant.</summary>
    public async Task<List<T>> ListAsync<T>(Guid merchantId, Func<VirtualShoppingDbContext, IQueryable<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
        return await query(db).ToListAsync();
    }

    public Task<List<Product>> ProductsAsync(Guid merchantId) =>
        ListAsync(merchantId, db => db.Products.AsNoTracking().OrderBy(p => p.ExternalId));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        file.Dispose();
    }
}
