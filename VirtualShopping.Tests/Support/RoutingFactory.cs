using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// The real app for routing tests: its clock is a <see cref="FakeTimeProvider"/> (Monday 23 November 2026,
/// 11:00 UTC) that tests move on, so countdowns and waves happen when a test says so. A second factory can
/// open the same database file, as a second app instance or a restarted one.
/// </summary>
public sealed class RoutingFactory : VirtualShoppingFactory
{
    public static readonly DateTimeOffset Monday11 = new(2026, 11, 23, 11, 0, 0, TimeSpan.Zero);

    private readonly string? sharedDatabasePath;

    public RoutingFactory()
        : this(null)
    {
    }

    internal RoutingFactory(string? sharedDatabasePath, FakeTimeProvider? clock = null)
    {
        this.sharedDatabasePath = sharedDatabasePath;
        Clock = clock ?? new FakeTimeProvider(Monday11);
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The SQL commands this host runs (routing's cost tests count them).</summary>
    public SqlCommandLog Sql { get; } = new();

    /// <summary>The database file this host uses (its own, or the shared one).</summary>
    public string DatabaseFile => sharedDatabasePath ?? DatabasePath;

    /// <summary>Sets a configuration value before the host starts.</summary>
    public RoutingFactory With(string key, string? value)
    {
        SetSetting(key, value);
        return this;
    }

    /// <summary>Sends this host's email to a local SMTP sink.</summary>
    public RoutingFactory WithSmtp(SmtpSink smtp)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        return With("Smtp:Host", "127.0.0.1")
            .With("Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Smtp:Security", "None");
    }

    /// <summary>Sends this host's email to a local SMTP sink and its SMS to a local Twilio-format listener.</summary>
    public RoutingFactory WithMessageSinks(SmtpSink smtp, TwilioSink twilio) =>
        WithSmtp(smtp)
            .With("Sms:BaseUrl", twilio.BaseUrl.ToString())
            .With("Sms:AccountSid", "ACtest")
            .With("Sms:AuthToken", "twilio-secret");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (sharedDatabasePath is not null)
        {
            builder.UseSetting("ConnectionStrings:VirtualShopping", $"Data Source={sharedDatabasePath};Pooling=False");
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.ConfigureDbContext<SqliteVirtualShoppingDbContext>(o => o.AddInterceptors(Sql), ServiceLifetime.Singleton);
        });
    }
}
