using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using VirtualShopping.Domain.Products;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Products.Feeds;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Tests.Integration.Products;

/// <summary>The scheduled feed import against a real HTTP server on loopback: ETag and 304, redirects, size limits, broken feeds.</summary>
public sealed class ProductFeedJobTests : IAsyncLifetime
{
    private const long MaxBytes = 64 * 1024;

    private ProductCatalogDatabase world = null!;
    private FeedServer server = null!;

    public async ValueTask InitializeAsync()
    {
        server = await FeedServer.StartAsync();
        world = await ProductCatalogDatabase.CreateAsync(services => services
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Testing", ApplicationName = "VirtualShopping.Web" })
            .AddProducts(Configuration(allowLoopback: true)));
    }

    public async ValueTask DisposeAsync()
    {
        await world.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task The_first_run_imports_the_second_gets_304_and_a_changed_feed_updates_and_marks_missing_products()
    {
        var shop = await world.AddMerchantAsync("Outfitters", feedUrl: server.Url("/feed"), schedule: ProductFeedSchedule.Daily);
        server.Feed = Rss(("A", "Boot", "10.00 EUR"), ("B", "Scarf", "5.00 EUR"));

        var first = await RunAsync(shop);

        Assert.Equal((ProductImportStatus.Succeeded, ProductImportSource.Url, 2, "\"v1\""), (first!.Status, first.Source, first.Created, first.ETag));
        Assert.Equal(server.Url("/feed"), first.SourceName);

        var second = await RunAsync(shop);

        Assert.Equal([null, "\"v1\""], server.IfNoneMatchSeen);
        Assert.Equal((ProductImportStatus.NotModified, 0, 0, 0), (second!.Status, second.RowsRead, second.Created, second.Updated));

        server.Feed = Rss(("A", "Leather boot", "12.00 EUR"), ("C", "Hat", "7.00 EUR"));
        server.ETag = "\"v2\"";
        var third = await RunAsync(shop);

        Assert.Equal("\"v1\"", server.IfNoneMatchSeen[^1]);
        Assert.Equal((ProductImportStatus.Succeeded, 1, 1, 1, "\"v2\""), (third!.Status, third.Created, third.Updated, third.MadeUnavailable, third.ETag));
        var products = await world.ProductsAsync(shop);
        Assert.Equal([("A", "Leather boot", true), ("B", "Scarf", false), ("C", "Hat", true)], products.Select(p => (p.ExternalId, p.Title, p.InFeed)).ToList());
        Assert.Equal(3, (await world.ListAsync(shop, db => db.ProductImports)).Count);
    }

    [Fact]
    public async Task A_gzip_encoded_feed_behind_a_redirect_is_imported()
    {
        var shop = await world.AddMerchantAsync("Gzip shop", feedUrl: server.Url("/moved"), schedule: ProductFeedSchedule.Hourly);
        server.Feed = Rss(("A", "Boot", "10.00 EUR"));
        server.Gzip = true;

        var import = await RunAsync(shop);

        Assert.Equal((ProductImportStatus.Succeeded, 1), (import!.Status, import.Created));
    }

    [Fact]
    public async Task A_redirect_to_plain_http_is_refused_in_plain_words_and_changes_nothing()
    {
        var shop = await world.AddMerchantAsync("Redirected", feedUrl: server.Url("/to-http"), schedule: ProductFeedSchedule.Daily);

        var import = await RunAsync(shop);

        Assert.Equal(ProductImportStatus.Failed, import!.Status);
        Assert.Equal("The feed URL redirected to http://shop.example, which is not https: only https feeds are downloaded.", import.Error);
        Assert.Empty(await world.ProductsAsync(shop));
    }

    [Fact]
    public async Task Endless_redirects_are_refused_after_three()
    {
        var shop = await world.AddMerchantAsync("Looping", feedUrl: server.Url("/loop"), schedule: ProductFeedSchedule.Daily);

        var import = await RunAsync(shop);

        Assert.Equal((ProductImportStatus.Failed, "The feed URL redirected more than 3 times."), (import!.Status, import.Error));
    }

    [Fact]
    public async Task An_oversize_body_is_refused_while_reading_and_changes_nothing()
    {
        var shop = await world.AddMerchantAsync("Big", feedUrl: server.Url("/feed"), schedule: ProductFeedSchedule.Daily);
        server.Feed = Rss(("A", "Boot", "10.00 EUR"));
        await RunAsync(shop);
        await SetFeedUrlAsync(shop, server.Url("/endless"));

        var import = await RunAsync(shop);

        Assert.Equal(ProductImportStatus.Failed, import!.Status);
        Assert.Contains("The feed is larger than 64 KB.", import.Error, StringComparison.Ordinal);
        Assert.Equal([("A", true)], (await world.ProductsAsync(shop)).Select(p => (p.ExternalId, p.InFeed)).ToList());
    }

    [Fact]
    public async Task A_truncated_xml_feed_changes_nothing_and_says_why()
    {
        var shop = await world.AddMerchantAsync("Truncated", feedUrl: server.Url("/feed"), schedule: ProductFeedSchedule.Daily);
        server.Feed = Rss(("A", "Boot", "10.00 EUR"), ("B", "Scarf", "5.00 EUR"));
        await RunAsync(shop);
        server.Feed = Rss(("A", "Changed boot", "10.00 EUR"))[..^40];
        server.ETag = "\"v2\"";

        var import = await RunAsync(shop);

        Assert.Equal(ProductImportStatus.Failed, import!.Status);
        Assert.False(string.IsNullOrWhiteSpace(import.Error));
        Assert.Equal([("A", "Boot", true), ("B", "Scarf", true)], (await world.ProductsAsync(shop)).Select(p => (p.ExternalId, p.Title, p.InFeed)).ToList());
    }

    [Fact]
    public async Task Plain_http_feed_urls_are_refused_unless_the_test_only_loopback_option_is_on()
    {
        var options = Options.Create(new ProductFeedOptions());
        using var http = new HttpClient();
        var downloader = new ProductFeedDownloader(http, options);

        var refused = await Assert.ThrowsAsync<ProductFeedDownloadException>(() => downloader.DownloadAsync(server.Url("/feed"), null, null, CancellationToken.None));

        Assert.Equal("The feed URL must start with https://: only https feeds are downloaded.", refused.Message);
    }

    [Fact]
    public void The_test_only_loopback_option_is_refused_outside_the_testing_environment()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production, ApplicationName = "VirtualShopping.Web" })
            .AddProducts(Configuration(allowLoopback: true))
            .BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ProductFeedOptions>>().Value);
    }

    [Fact]
    public async Task Each_merchant_with_a_feed_and_a_schedule_gets_a_recurring_job_in_its_time_zone_and_manual_removes_it()
    {
        var daily = await world.AddMerchantAsync("Daily", feedUrl: "https://shop.example/feed.xml", schedule: ProductFeedSchedule.Daily);
        var weekly = await world.AddMerchantAsync("Weekly", feedUrl: "https://weekly.example/feed.xml", schedule: ProductFeedSchedule.Weekly);
        var manual = await world.AddMerchantAsync("Manual", feedUrl: "https://manual.example/feed.xml", schedule: ProductFeedSchedule.Manual);
        await using (var scope = world.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<VirtualShopping.Infrastructure.Persistence.VirtualShoppingDbContext>>().CreateDbContextAsync();
            await scope.ServiceProvider.GetRequiredService<ProductFeedJobs>().ReconcileAsync(db, CancellationToken.None);
        }

        Assert.Equal(
            [(ProductFeedJobs.JobId(daily), "30 3 * * *", "Europe/Paris"), (ProductFeedJobs.JobId(weekly), "30 3 * * 1", "Europe/Paris")],
            RecurringJobs().Where(j => j.Id != ProductFeedJobs.JobId(manual)).Select(j => (j.Id, j.Cron, j.TimeZoneId)).OrderBy(j => j.Id == ProductFeedJobs.JobId(weekly)).ToList());
        Assert.DoesNotContain(RecurringJobs(), j => j.Id == ProductFeedJobs.JobId(manual));

        world.Services.GetRequiredService<IServiceScopeFactory>().CreateScope().ServiceProvider.GetRequiredService<ProductFeedJobs>()
            .Schedule(daily, "https://shop.example/feed.xml", ProductFeedSchedule.Manual, "Europe/Paris");

        Assert.Equal([ProductFeedJobs.JobId(weekly)], RecurringJobs().Select(j => j.Id));
    }

    [Fact]
    public async Task Import_now_enqueues_the_merchant_s_feed_job()
    {
        var shop = await world.AddMerchantAsync("Now", feedUrl: server.Url("/feed"));
        await using var scope = world.Services.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<ProductFeedJobs>().ImportNowAsync(shop);

        var enqueued = world.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 10);
        var job = Assert.Single(enqueued).Value.Job;
        Assert.Equal((typeof(ProductFeedJob), nameof(ProductFeedJob.RunAsync), (object)shop), (job.Type, job.Method.Name, job.Args[0]));
    }

    private List<RecurringJobDto> RecurringJobs()
    {
        using var connection = world.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs();
    }

    private async Task<ProductImport?> RunAsync(Guid merchantId)
    {
        await using var scope = world.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProductFeedJob>().RunAsync(merchantId, CancellationToken.None);
    }

    private async Task SetFeedUrlAsync(Guid merchantId, string url)
    {
        await using var scope = world.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<VirtualShopping.Infrastructure.Tenancy.MerchantScope>().Use(merchantId);
        await using var db = await scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<VirtualShopping.Infrastructure.Persistence.VirtualShoppingDbContext>>().CreateDbContextAsync();
        var settings = db.AccountSettings.Single();
        settings.ProductFeedUrl = url;
        await db.SaveChangesAsync();
    }

    private static IConfiguration Configuration(bool allowLoopback) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ProductFeeds:AllowInsecureLoopbackForTests"] = allowLoopback ? "true" : "false",
        ["ProductFeeds:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }).Build();

    private static string Rss(params (string Id, string Title, string Price)[] items) =>
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:g=\"http://base.google.com/ns/1.0\"><channel><title>Shop</title>\n"
        + string.Concat(items.Select(i => $"<item><g:id>{i.Id}</g:id><g:title>{i.Title}</g:title><g:link>https://shop.example/{i.Id}</g:link><g:price>{i.Price}</g:price><g:availability>in_stock</g:availability></item>\n"))
        + "</channel></rss>\n";
}
