using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// The real app (real pipeline, auth, migrations, Hangfire server, routing sweeper, real clock) on a loopback
/// Kestrel port over a fresh SQLite file, with the widget's rate limits raised out of the way.
/// </summary>
internal sealed class BenchmarkAppFactory : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "virtualshopping-bench");
    private readonly string databasePath;

    private readonly int? busyTimeoutMilliseconds;
    private readonly IReadOnlyDictionary<string, string> settings;

    /// <param name="settings">More app settings, e.g. Routing:SweepEnabled=false for the sweep run.</param>
    public BenchmarkAppFactory(AppLogSink logs, int? busyTimeoutMilliseconds, IReadOnlyDictionary<string, string>? settings = null)
    {
        Logs = logs;
        this.busyTimeoutMilliseconds = busyTimeoutMilliseconds;
        this.settings = settings ?? new Dictionary<string, string>();
        Directory.CreateDirectory(folder);
        databasePath = Path.Combine(folder, $"bench-{Guid.NewGuid():N}.db");
    }

    /// <summary>The demo merchant's sign-in password in the benchmark host.</summary>
    public const string SeedPassword = "Bench-Password-123";

    public AppLogSink Logs { get; }

    public SqlCommandCounter Sql { get; } = new();

    /// <summary>The server's address, e.g. http://127.0.0.1:41234, once started.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // Outside Development the factory does not map the build's static web assets (wwwroot plus the compressed
        // copies the build makes): without this a browser asking for gzip gets an empty 200 for /widget/loader.js.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", "Sqlite");

        // Pooled connections, as the app's own default connection string has.
        builder.UseSetting("ConnectionStrings:VirtualShopping", $"Data Source={databasePath}");
        builder.UseSetting("Seed:DemoMerchant", "true");
        builder.UseSetting("Seed:AdminPassword", SeedPassword);
        builder.UseSetting("AzureAd:ClientId", string.Empty);
        builder.UseSetting("App:PublicBaseUrl", "http://127.0.0.1/");
        builder.UseSetting("AllowedHosts", "*");

        // Every shopper comes from 127.0.0.1; the options allow at most these.
        builder.UseSetting("RateLimits:SessionPermitsPerMinute", 100_000.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:IpPermitsPerMinute", 1_000_000.ToString(CultureInfo.InvariantCulture));

        // Every expert signs in from 127.0.0.1 too: the default 30 a minute would leave most of a large team out.
        builder.UseSetting("SignInLimits:IpPermitsPerMinute", 1_000_000.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Logs);
        });
        builder.ConfigureServices(services => services
            // The experts' passwords are hashed with 1,000 PBKDF2 rounds instead of 100,000 (the count is stored in
            // each hash): creating and signing in 500 experts would otherwise take minutes of the two cores.
            .Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000)
            .ConfigureDbContext<SqliteVirtualShoppingDbContext>(o =>
        {
            o.AddInterceptors(Sql);
            if (busyTimeoutMilliseconds is { } busy)
            {
                o.AddInterceptors(new SqliteBusyTimeout(busy));
            }
        }, ServiceLifetime.Singleton));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DeleteDatabase();
        }
    }

    private void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            try
            {
                File.Delete(databasePath + suffix);
            }
            catch (IOException)
            {
                // Left in the temp folder; harmless.
            }
        }
    }
}
